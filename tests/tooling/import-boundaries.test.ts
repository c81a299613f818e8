import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were the file at `filePath` and returns the boundary rules that fired. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'].includes(m.ruleId ?? ''))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries (npm run lint)', () => {
  it.each([
    ['renderer/src/wall/Bad.tsx', "import { readFileSync } from 'node:fs';\nreadFileSync('x');", /Node built-ins/],
    ['renderer/src/wall/Bad.tsx', "import fs from 'fs';\nfs.readFileSync('x');", /Node built-ins/],
    ['renderer/src/wall/Bad.tsx', "import { ipcRenderer } from 'electron';\nipcRenderer.send('x');", /Only electron\/main/],
    ['renderer/src/wall/Bad.tsx', "import { createGateway } from '../../../server/gateway';\ncreateGateway;", /renderer\/ may not import from server/],
    ['shared/bad.ts', "import { join } from 'node:path';\njoin();", /Node built-ins/],
    ['shared/bad.ts', "import { useState } from 'react';\nuseState();", /no React/],
    ['shared/bad.ts', 'export const width = window.innerWidth;', /no DOM/],
    ['shared/bad.ts', 'export const title = document.title;', /no DOM/],
    ['shared/bad.ts', 'export const env = process.env;', /no Node globals/],
    ['shared/bad.ts', "import { x } from '../renderer/src/x';\nx;", /shared\/ may not import from renderer/],
    ['server/bad.ts', "import { App } from '../renderer/src/App';\nApp;", /server\/ may not import from renderer/],
    ['server/bad.ts', "import { app } from 'electron';\napp;", /Only electron\/main/],
    ['electron/main/bad.ts', "import { App } from '../../renderer/src/App';\nApp;", /electron\/main may not import from renderer/],
    ['electron/preload/bad.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('x');", /Node built-ins/],
    ['electron/preload/bad.ts', "import { shell } from 'electron';\nshell;", /only contextBridge and ipcRenderer/],
    ['server/bad.ts', "import { FakeTime } from '../tests/support/fake-time';\nFakeTime;", /may not import from tests/],
  ])('%s: refuses %j', async (filePath, code, expected) => {
    const errors = await boundaryErrors(filePath, code);
    expect(errors.join('\n')).toMatch(expected);
  });

  it.each([
    ['renderer/src/wall/Good.tsx', "import { PROTOCOL_VERSION } from '../../../shared/protocol/protocol';\nPROTOCOL_VERSION;"],
    ['renderer/src/wall/Good.tsx', "import { create } from 'zustand';\ncreate;"],
    ['server/good.ts', "import { readFileSync } from 'node:fs';\nimport { METRICS } from '../shared/metrics';\nreadFileSync(String(METRICS));"],
    ['electron/main/good.ts', "import { app } from 'electron';\nimport { join } from 'node:path';\napp.getPath(join('a'));"],
    ['electron/preload/good.ts', "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('q', ipcRenderer.invoke);"],
    ['shared/good.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['server/good.test.ts', "import { FakeTime } from '../tests/support/fake-time';\nFakeTime;"],
  ])('%s: allows %j', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
