import * as nodeFs from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { parseWith } from '../../../shared/protocol/validation';

/** The file system calls a JSON file needs; node:fs/promises fits, tests pass one that fails on cue. */
export type JsonFileSystem = Pick<typeof nodeFs, 'readFile' | 'open' | 'rename' | 'rm' | 'mkdir'>;

export interface JsonFileOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  /** What a missing or unreadable file means. */
  fallback: T;
  /** What the file holds, in words, for notices: "pins". */
  label: string;
  fs?: JsonFileSystem;
}

export interface Loaded<T> {
  value: T;
  /** Why the fallback is used although a file was there; null when all went well. */
  notice: string | null;
}

/**
 * A small settings file in the user data folder. Reads are validated, so a hand-edited or half-written
 * file becomes the fallback plus a notice rather than a crash; writes are atomic (temp file, fsync,
 * rename) and run one at a time in call order, so the file always holds one complete version.
 */
export class JsonFile<T> {
  private readonly fs: JsonFileSystem;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JsonFileOptions<T>) {
    this.fs = options.fs ?? nodeFs;
  }

  async load(): Promise<Loaded<T>> {
    const { path, schema, fallback, label } = this.options;
    let text: string;
    try {
      text = await this.fs.readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: fallback, notice: null };
      return { value: fallback, notice: `Could not read the saved ${label} (${path}): ${(error as Error).message}` };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { value: fallback, notice: await this.setAside(`it is not JSON (${(error as Error).message})`) };
    }
    const parsed = parseWith(schema, data);
    if (parsed.ok) return { value: parsed.value, notice: null };
    return { value: fallback, notice: await this.setAside(parsed.issues.join('; ')) };
  }

  /** Resolves once this version is on disk; a failed write rejects but does not block later ones. */
  save(value: T): Promise<void> {
    const write = this.writing.then(() => this.writeAtomically(`${JSON.stringify(value, null, 2)}\n`));
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Keeps a broken file for whoever wants to look at it; the next save would otherwise overwrite it. */
  private async setAside(problem: string): Promise<string> {
    const { path, label } = this.options;
    const aside = `${path}.corrupt`;
    let kept = `It was kept as ${basename(aside)}.`;
    try {
      await this.fs.rename(path, aside);
    } catch (error) {
      kept = `It could not be set aside: ${(error as Error).message}.`;
    }
    return `The saved ${label} could not be read (${path}: ${problem}); starting with none. ${kept}`;
  }

  private async writeAtomically(text: string): Promise<void> {
    const { path } = this.options;
    const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
    await this.fs.mkdir(dirname(path), { recursive: true });
    const handle = await this.fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      // Data on disk before the rename makes it visible; otherwise a power cut can leave an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await this.fs.rename(temp, path);
    } catch (error) {
      await this.fs.rm(temp, { force: true });
      throw error;
    }
    await this.syncFolder(dirname(path));
  }

  /** Makes the rename itself durable. Windows cannot open a folder for syncing; there rename is enough. */
  private async syncFolder(folder: string): Promise<void> {
    let handle: nodeFs.FileHandle | null = null;
    try {
      handle = await this.fs.open(folder, 'r');
      await handle.sync();
    } catch {
      // Best effort by design: the file is already complete and in place.
    } finally {
      await handle?.close();
    }
  }
}
