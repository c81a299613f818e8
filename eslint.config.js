// Import boundaries between runtimes (see ../shared/GUIDE.md, "What may import what").
// Each runtime gets its own tsconfig too, so a forbidden import usually fails twice: here and in `tsc`.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';

const nodeBuiltins = [...new Set(builtinModules.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]))];
const nodePattern = { group: ['node:*', ...nodeBuiltins], message: 'Node built-ins are not available in this runtime.' };
const electronPath = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const reactPattern = { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'shared/ holds pure code: no React.' };
const folder = (name, runtime) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message: `${runtime} may not import from ${name}/.`,
});

/** Globals that only exist in a browser: pure shared code must not touch them. */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement'].map(
  (name) => ({ name, message: 'shared/ holds pure code: no DOM.' }),
);

/** The only packages shared/ may import: pure code that runs the same in Node, Electron and a browser. */
const SHARED_PACKAGES = ['zod', 'i18next'];

const boundaries = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.tsbuild/', 'tests/fixtures/lint/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Build and launch scripts run in Node.
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'fetch', 'setTimeout', 'clearTimeout', 'Buffer'].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      ...boundaries(
        [nodePattern, reactPattern, folder('server', 'shared/'), folder('renderer', 'shared/'), folder('electron', 'shared/')],
        [electronPath],
      ),
      'no-restricted-globals': ['error', ...domGlobals, { name: 'process', message: 'shared/ holds pure code: no Node globals.' }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: boundaries([folder('renderer', 'server/'), folder('electron', 'server/')], [electronPath]),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundaries([nodePattern, folder('server', 'renderer/'), folder('electron', 'renderer/')], [electronPath]),
    },
  },
  {
    // Every word a person reads comes from the catalogue (shared/i18n): no literal text in a view, neither as
    // JSX text nor in the attributes people read (aria-label, title, placeholder, alt) nor in a {'string'} or
    // template literal shown in JSX. Strings without a letter (a "×" button, " · ") are not words.
    files: ['renderer/src/**/*.tsx'],
    ignores: ['renderer/src/**/*.test.tsx'],
    ...i18next.configs['flat/recommended'],
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext'] },
          'should-validate-template': true,
          words: { exclude: [/^[^\p{L}]*$/u] },
          message: 'Visible text must come from the translation catalogue (t() or <Trans>)',
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: boundaries([folder('renderer', 'electron/main'), folder('server', 'electron/main')]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: boundaries(
      [nodePattern, folder('renderer', 'electron/preload'), folder('server', 'electron/preload'), folder('main', 'electron/preload')],
      [
        {
          name: 'electron',
          allowImportNames: ['contextBridge', 'ipcRenderer'],
          message: 'The preload may use only contextBridge and ipcRenderer from electron.',
        },
      ],
    ),
  },
  // --- Package allow-lists and main's literal text (issue 14) ----------------------------------------
  // A separate rule (typescript-eslint's no-restricted-imports) so these lists do not replace the
  // boundary patterns above, and so the preload's type-only imports can be told from value imports.
  {
    // shared/ runs in every runtime: only packages that are pure everywhere. Add one here on purpose.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.|(${SHARED_PACKAGES.join('|')})(/|$))`,
              message: `shared/ may import only these pure packages: ${SHARED_PACKAGES.join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  {
    // The preload bundle runs with the page's privileges: no package code, types only (electron aside).
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.|electron$)',
              allowTypeImports: true,
              message: 'The preload may import types from a package, never values (electron\'s contextBridge and ipcRenderer aside).',
            },
          ],
        },
      ],
    },
  },
  {
    // Main's words a person reads (tray, notifications, window titles, dialogs) come from the catalogue:
    // no literal text in these files. Log lines and thrown errors are for developers and stay English.
    files: [
      'electron/main/index.ts',
      'electron/main/desk/desk-tray.ts',
      'electron/main/desk/desk-notifier.ts',
      'electron/main/desk/pin-window.ts',
      'shared/desk/notification-rules.ts',
    ],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'all',
          message: "main shows a person only catalogue text: use the translator's t('main.…') (shared/i18n/)",
          words: { exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', '[a-z][a-z0-9-]*', 'main\\.[A-Za-z.]+', '\\[queueboard\\] .*'] },
          callees: { exclude: ['t', 'on', 'once', 'Error', 'logError', 'log', 'warn', 'error', 'get', 'join', 'getPath', 'handle', 'import'] },
          'should-validate-template': true,
        },
      ],
    },
  },
  // --- end of package allow-lists and main's literal text -------------------------------------------
  {
    // Benchmarks run in Node (tsx) and drive the renderer only through a browser, never by import.
    files: ['bench/**/*.ts'],
    ignores: ['bench/pages/**'],
    rules: boundaries([folder('renderer', 'bench/'), folder('electron', 'bench/')], [electronPath]),
  },
  {
    // Pages the benchmarks build and open in Chromium: browser code, like the renderer.
    files: ['bench/pages/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundaries([nodePattern, folder('server', 'bench/pages/'), folder('electron', 'bench/pages/')], [electronPath]),
    },
  },
  {
    // Nothing imports tests; tests import the folder under test.
    files: ['shared/**/*.ts', 'server/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'electron/**/*.ts', 'bench/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)tests\\//]',
          message: 'Production code may not import from tests/.',
        },
      ],
    },
  },
);
