import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
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
