import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createTranslator, languageOf } from '../../../shared/i18n/translator';
import { createDeskServices, type DeskServices } from './desk-services';

const DeskServicesContext = createContext<DeskServices | null>(null);

export function DeskServicesProvider({ services, children }: { services: DeskServices; children: ReactNode }) {
  return <DeskServicesContext.Provider value={services}>{children}</DeskServicesContext.Provider>;
}

let pageServices: DeskServices | null = null;

/** The page's services; tests provide fakes, a real page builds them once from its window. */
export function useDeskServices(): DeskServices {
  const provided = useContext(DeskServicesContext);
  if (provided) return provided;
  pageServices ??= createDeskServices(window);
  return pageServices;
}

export function usePins() {
  const { pins } = useDeskServices();
  return useSyncExternalStore(pins.subscribe, pins.get);
}

export function useNotificationSettings() {
  const { settings } = useDeskServices();
  return useSyncExternalStore(settings.subscribe, settings.get);
}

/** The desk services' last problem, in the page's language; null when there is none. */
export function useDeskProblem(): string | null {
  const { problems } = useDeskServices();
  const problem = useSyncExternalStore(problems.subscribe, problems.get);
  const { i18n } = useTranslation();
  const translator = useMemo(() => createTranslator(languageOf(i18n.language)), [i18n.language]);
  return problem && translator.say(problem);
}
