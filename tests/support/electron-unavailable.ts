// Aliased in place of `electron` for every test (vitest.config.ts). Importing the real package would try to
// download the Electron binary; tests pass fakes to the services instead.
throw new Error('A test imported `electron`. Pass fake Electron APIs to the service under test instead.');
