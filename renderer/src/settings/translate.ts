import { createI18n } from '../i18n/i18n';

/** A translation function: the pane's own `t`, or English where no person's language is at hand. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

const english = createI18n('en');
/** English, for code that only needs to know whether an edit is sound (building a save) and for tests. */
export const ENGLISH: Translate = (key, values) => english.t(key, values);
