import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { nl } from '../../shared/i18n/nl';
import { pt } from '../../shared/i18n/pt';
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

describe("main's catalogue keys", () => {
  it('every main.* key named in main, the shared desk rules or the desk exists in en, pt and nl', async () => {
    // Main's own files, the shared rules it words notifications with, and the desk files that report main's problems.
    const folders = ['electron/main', 'shared/desk', 'renderer/src/desk'];
    const sources = (
      await Promise.all(folders.map(async (folder) => (await readdir(folder, { recursive: true })).map((f) => join(folder, f))))
    )
      .flat()
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const keys = new Set<string>();
    for (const file of sources) for (const match of (await readFile(file, 'utf8')).matchAll(/'(main\.[A-Za-z.]+)'/g)) keys.add(match[1]!);
    // The tray's menu, counts and pause lines, the pin window title, the start-up dialog and every notification.
    expect(keys.size).toBeGreaterThanOrEqual(40);
    const lookup = (messages: unknown, path: string) =>
      path.split('.').reduce((node: unknown, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    const missing = [en, pt, nl].flatMap((messages, i) =>
      [...keys].flatMap((key) => {
        const forms = typeof lookup(messages, key) === 'string' ? [key] : [`${key}_one`, `${key}_other`];
        return forms.filter((form) => typeof lookup(messages, form) !== 'string').map((form) => `${['en', 'pt', 'nl'][i]}: ${form}`);
      }),
    );
    expect(missing).toEqual([]);
  });
});
