import { describe, expect, it } from 'vitest';
import { mainTranslator } from './main-language';

describe('mainTranslator', () => {
  it('speaks the app settings\' language, else the system\'s first, else English', () => {
    expect(mainTranslator('pt-PT', ['nl-NL']).language).toBe('pt');
    expect(mainTranslator(null, ['nl-BE', 'en-US']).language).toBe('nl');
    expect(mainTranslator(null, ['de-DE']).language).toBe('en');
    expect(mainTranslator(null, []).language).toBe('en');
  });

  it('gives main\'s words in that language', () => {
    expect(mainTranslator(null, ['pt-PT']).t('main.dialog.cannotStart')).toBe('Não é possível iniciar o Queueboard');
    expect(mainTranslator('nl', []).t('main.dialog.cannotStart')).toBe('Queueboard kan niet starten');
  });
});
