import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inEnglish, JsonFile, type JsonFileSystem } from './json-file';

const Schema = z.object({ version: z.literal(1), names: z.array(z.string().min(1)) });
type Data = z.infer<typeof Schema>;
const empty: Data = { version: 1, names: [] };

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'queueboard-json-file-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const file = (fs?: JsonFileSystem) =>
  new JsonFile<Data>({ path: join(folder, 'names.json'), schema: Schema, fallback: empty, label: 'main.file.pins', fs });

describe('JsonFile', () => {
  it('loads the fallback without a notice when there is no file yet', async () => {
    expect(await file().load()).toEqual({ value: empty, notice: null });
  });

  it('saves and loads back, leaving no temporary file behind', async () => {
    await file().save({ version: 1, names: ['a', 'b'] });
    expect(await file().load()).toEqual({ value: { version: 1, names: ['a', 'b'] }, notice: null });
    expect(await readdir(folder)).toEqual(['names.json']);
  });

  it('writes in call order, so the last save wins', async () => {
    const names = file();
    await Promise.all([1, 2, 3, 4, 5].map((n) => names.save({ version: 1, names: [String(n)] })));
    expect(JSON.parse(await readFile(join(folder, 'names.json'), 'utf8'))).toEqual({ version: 1, names: ['5'] });
  });

  it('turns a file that is not JSON into the fallback plus a notice, and keeps the file aside', async () => {
    await writeFile(join(folder, 'names.json'), '{"version":1,"nam');
    const loaded = await file().load();
    expect(loaded.value).toEqual(empty);
    expect(inEnglish(loaded.notice!)).toMatch(/^The saved pins could not be read \(.*names\.json: it is not JSON .*\); starting with none\. It was kept as names\.json\.corrupt\.$/);
    expect((await readdir(folder)).sort()).toEqual(['names.json.corrupt']);
  });

  it('names the bad field of a file that does not match the schema', async () => {
    await writeFile(join(folder, 'names.json'), JSON.stringify({ version: 1, names: ['ok', ''] }));
    const loaded = await file().load();
    expect(loaded.value).toEqual(empty);
    expect(inEnglish(loaded.notice!)).toContain('names[1]: ');
  });

  it('reports a file it cannot read for another reason, without moving it', async () => {
    const failing: JsonFileSystem = {
      ...nodeFs,
      readFile: (async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }) as JsonFileSystem['readFile'],
    };
    const loaded = await file(failing).load();
    expect(loaded.value).toEqual(empty);
    expect(inEnglish(loaded.notice!)).toMatch(/^Could not read the saved pins \(.*\): EACCES/);
  });

  it('keeps the previous version and removes the temporary file when the rename fails', async () => {
    await file().save({ version: 1, names: ['old'] });
    const failing: JsonFileSystem = {
      ...nodeFs,
      rename: async () => {
        throw new Error('EXDEV: cross-device link');
      },
    };
    const names = file(failing);
    await expect(names.save({ version: 1, names: ['new'] })).rejects.toThrow('EXDEV');
    expect(await readdir(folder)).toEqual(['names.json']);
    expect((await file().load()).value).toEqual({ version: 1, names: ['old'] });
    // A failed write does not block the next one.
    await expect(names.save({ version: 1, names: ['newer'] })).rejects.toThrow('EXDEV');
  });

  it('fsyncs the data before renaming it into place', async () => {
    const steps: string[] = [];
    const recording: JsonFileSystem = {
      ...nodeFs,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await nodeFs.open(path, flags, mode);
        const label = path.endsWith('.tmp') ? 'temp' : 'folder';
        return new Proxy(handle, {
          get(target, key) {
            if (key === 'sync') return async () => (steps.push(`sync ${label}`), target.sync());
            const value = Reflect.get(target, key);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      }) as JsonFileSystem['open'],
      rename: async (from, to) => {
        steps.push('rename');
        return nodeFs.rename(from, to);
      },
    };
    await file(recording).save(empty);
    expect(steps).toEqual(['sync temp', 'rename', 'sync folder']);
  });

  it('writes through the app\'s one atomic write: a new temporary file opened exclusively, owner-only', async () => {
    const opened: Array<[string, string, number | undefined]> = [];
    const recording: JsonFileSystem = {
      ...nodeFs,
      open: (async (path: string, flags: string, mode?: number) => {
        opened.push([path.replace(folder, '<dir>'), flags, mode]);
        return nodeFs.open(path, flags, mode);
      }) as JsonFileSystem['open'],
    };
    await file(recording).save(empty);
    expect(opened).toEqual([
      [expect.stringMatching(/^<dir>\/\.names\.json\.[0-9a-f-]{36}\.tmp$/), 'wx', 0o600],
      ['<dir>', 'r', undefined],
    ]);
  });
});
