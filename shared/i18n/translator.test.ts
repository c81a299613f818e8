import { describe, expect, it } from 'vitest';
import { createTranslator, languageOf } from './translator';

describe('createTranslator', () => {
  it('maps a setting or a system locale to a language it speaks, English for the rest', () => {
    expect(['pt-PT', 'pt_BR', 'nl-BE', 'NL', 'de-DE', '', null, undefined].map(languageOf)).toEqual(['pt', 'pt', 'nl', 'nl', 'en', 'en', 'en', 'en']);
  });

  it('interpolates, picks the plural form by Intl.PluralRules and writes numbers by Intl', () => {
    const nl = createTranslator('nl');
    expect(nl.locale).toBe('nl-NL');
    expect(nl.t('main.tray.warning', { count: 1 })).toBe('1 waarschuwing');
    expect(nl.t('main.tray.warning', { count: 2500 })).toBe('2.500 waarschuwingen');
    expect(createTranslator('pt').t('main.tray.critical', { count: 0 })).toBe('0 críticas');
    expect(createTranslator('en').t('main.tray.toolTip', { summary: '<b>' })).toBe('Queueboard — <b>');
  });

  it('writes lists the way the language does', () => {
    expect(createTranslator('pt').list(['1 crítica', '2 em aviso'])).toBe('1 crítica e 2 em aviso');
    expect(createTranslator('en').list(['1 critical', '2 warnings'])).toBe('1 critical, 2 warnings');
  });

  it('says a message with a message inside, each in the same language', () => {
    const notice = { key: 'main.file.cannotRead', params: { what: { key: 'main.file.notificationSettings' }, path: '/x.json', error: 'EACCES' } };
    expect(createTranslator('pt').say(notice)).toBe('Não foi possível ler o ficheiro de definições de notificações (/x.json): EACCES');
  });
});
