import { useMemo } from 'react';
import type { NameTranslations } from '../../../shared/model';

interface Named {
  name: string;
  names?: NameTranslations;
}

/** The name in the screen's language when the configuration translates it, else the configured name. */
export function localName(named: Named, language: string): string {
  const code = language.slice(0, 2) as keyof NameTranslations;
  return named.names?.[code] ?? named.name;
}

/** The same list with each name in the language (the same objects where nothing changes), kept until either changes. */
export function useLocalNames<T extends Named>(items: readonly T[], language: string): readonly T[] {
  return useMemo(
    () =>
      items.map((item) => {
        const name = localName(item, language);
        return name === item.name ? item : { ...item, name };
      }),
    [items, language],
  );
}
