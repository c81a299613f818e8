import type { NameTranslations } from '../../../shared/model';

/** The name in the screen's language when the configuration translates it, else the configured name. */
export function localName(named: { name: string; names?: NameTranslations }, language: string): string {
  const code = language.slice(0, 2) as keyof NameTranslations;
  return named.names?.[code] ?? named.name;
}
