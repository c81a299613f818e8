import * as realFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs, type WritableFile } from './atomic-write';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'queueboard-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The real file system, recording each step, with one step made to fail when asked. */
function recordingFs(failAt?: string): { fs: AtomicWriteFs; steps: string[] } {
  const steps: string[] = [];
  const short = (path: string) => path.replace(folder, '<dir>').replace(/\.[0-9a-f-]{36}\.tmp$/, '.<id>.tmp');
  const step = (name: string) => {
    steps.push(name);
    if (name === failAt) throw Object.assign(new Error(`${name}: ENOSPC: no space left on device`), { code: 'ENOSPC' });
  };
  const fs: AtomicWriteFs = {
    mkdir: (path, options) => realFs.mkdir(path, options),
    async open(path, flags, mode) {
      step(`open ${short(path)} ${flags}`);
      const handle = await realFs.open(path, flags, mode);
      const file: WritableFile = {
        writeFile: async (data, encoding) => {
          step(`write ${short(path)}`);
          await handle.writeFile(data, encoding);
        },
        sync: async () => {
          step(`sync ${short(path)}`);
          await handle.sync();
        },
        close: async () => {
          steps.push(`close ${short(path)}`);
          await handle.close();
        },
      };
      return file;
    },
    async rename(from, to) {
      step(`rename ${short(from)} -> ${short(to)}`);
      await realFs.rename(from, to);
    },
    async unlink(path) {
      steps.push(`unlink ${short(path)}`);
      await realFs.unlink(path);
    },
  };
  return { fs, steps };
}

describe('writeFileAtomic', () => {
  it('writes a temporary file in the same folder, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const { fs, steps } = recordingFs();
    const target = join(folder, 'settings.json');
    await writeFileAtomic(fs, target, '{"v":1}', { platform: 'linux' });
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    expect(steps).toEqual([
      'open <dir>/.settings.json.<id>.tmp wx',
      'write <dir>/.settings.json.<id>.tmp',
      'sync <dir>/.settings.json.<id>.tmp',
      'close <dir>/.settings.json.<id>.tmp',
      'rename <dir>/.settings.json.<id>.tmp -> <dir>/settings.json',
      'open <dir> r',
      'sync <dir>',
      'close <dir>',
    ]);
    expect(await readdir(folder)).toEqual(['settings.json']);
  });

  it('leaves the file readable by its owner only', async () => {
    const target = join(folder, 'settings.json');
    await writeFileAtomic(realFs, target, 'x', { platform: 'linux' });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('creates the folder when it does not exist yet (first start)', async () => {
    const target = join(folder, 'user data', 'settings.json');
    await writeFileAtomic(realFs, target, 'first', { platform: 'linux' });
    expect(await readFile(target, 'utf8')).toBe('first');
  });

  it('does not try to fsync the folder on Windows', async () => {
    const { fs, steps } = recordingFs();
    await writeFileAtomic(fs, join(folder, 'settings.json'), 'x', { platform: 'win32' });
    expect(steps.at(-1)).toMatch(/^rename /);
  });

  it.each(['write <dir>/.settings.json.<id>.tmp', 'sync <dir>/.settings.json.<id>.tmp', 'rename <dir>/.settings.json.<id>.tmp -> <dir>/settings.json'])(
    'when "%s" fails, keeps the old file whole, removes the temporary file and reports the error',
    async (failAt) => {
      const target = join(folder, 'settings.json');
      await writeFile(target, 'old');
      const { fs, steps } = recordingFs(failAt);
      await expect(writeFileAtomic(fs, target, 'new', { platform: 'linux' })).rejects.toThrow(/ENOSPC/);
      expect(await readFile(target, 'utf8')).toBe('old');
      expect(await readdir(folder)).toEqual(['settings.json']);
      expect(steps).toContain('close <dir>/.settings.json.<id>.tmp');
      expect(steps.at(-1)).toBe('unlink <dir>/.settings.json.<id>.tmp');
    },
  );
});
