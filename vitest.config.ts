import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `electron` is never imported unmocked by a test: the binary cannot be downloaded on CI machines.
// Any test that reaches it gets this stub, which fails loudly instead of trying a download.
const noElectron = { electron: here('./tests/support/electron-unavailable.ts') };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' } },
      // Some server tests simulate days of traffic: on two shared cores they need more than the default 5 s.
      { test: { name: 'server', include: ['server/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/support/renderer-setup.ts'],
        },
      },
      {
        resolve: { alias: noElectron },
        test: { name: 'electron', include: ['electron/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias: noElectron },
        test: { name: 'tooling', include: ['tests/tooling/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      // Faults and fuzzing: real gateways on loopback, killed, starved and fed garbage (docs/RELIABILITY.md).
      // A later group: they load both cores, so they run after the unit tests rather than beside them.
      { test: { name: 'faults', include: ['tests/faults/**/*.test.ts'], environment: 'node', testTimeout: 60_000, sequence: { groupOrder: 1 } } },
      { test: { name: 'fuzz', include: ['tests/fuzz/**/*.test.ts'], environment: 'node', testTimeout: 180_000, sequence: { groupOrder: 1 } } },
      // Several gateways on a real Redis (and PostgreSQL, nginx) started on loopback by tests/support/real-*.ts:
      // one file at a time, after the unit tests, as they load both cores.
      {
        test: {
          name: 'cluster', include: ['tests/cluster/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000,
          fileParallelism: false, sequence: { groupOrder: 1 },
        },
      },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
