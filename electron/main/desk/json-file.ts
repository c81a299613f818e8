import * as nodeFs from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import { createTranslator, type Message } from '../../../shared/i18n/translator';
import { parseWith } from '../../../shared/protocol/validation';
import { writeFileAtomic } from '../settings/atomic-write';

/** The file system calls a JSON file needs; node:fs/promises fits, tests pass one that fails on cue. */
export type JsonFileSystem = Pick<typeof nodeFs, 'readFile' | 'open' | 'rename' | 'unlink' | 'mkdir'>;

export interface JsonFileOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  /** What a missing or unreadable file means. */
  fallback: T;
  /** What the file holds, as a catalogue key for notices: 'main.file.pins'. */
  label: string;
  fs?: JsonFileSystem;
  /** process.platform unless a test says otherwise: Windows cannot fsync a folder. */
  platform?: NodeJS.Platform;
}

const ENGLISH = createTranslator('en');
/** A notice as the log says it: logs are read by whoever runs the app, in English. */
export const inEnglish = (notice: Message): string => ENGLISH.say(notice);

export interface Loaded<T> {
  value: T;
  /** Why the fallback is used although a file was there, to be put in a language; null when all went well. */
  notice: Message | null;
}

/**
 * A small settings file in the user data folder. Reads are validated, so a hand-edited or half-written
 * file becomes the fallback plus a notice rather than a crash; writes go through the app's one atomic write
 * (settings/atomic-write.ts) and run one at a time in call order, so the file always holds one complete version.
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
      const params = { what: { key: label }, path, error: (error as Error).message };
      return { value: fallback, notice: { key: 'main.file.cannotRead', params } };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { value: fallback, notice: await this.setAside({ key: 'main.file.notJson', params: { error: (error as Error).message } }) };
    }
    const parsed = parseWith(schema, data);
    if (parsed.ok) return { value: parsed.value, notice: null };
    return { value: fallback, notice: await this.setAside(parsed.issues.join('; ')) };
  }

  /** Resolves once this version is on disk; a failed write rejects but does not block later ones. */
  save(value: T): Promise<void> {
    const write = this.writing.then(() =>
      writeFileAtomic(this.fs, this.options.path, `${JSON.stringify(value, null, 2)}\n`, { platform: this.options.platform ?? process.platform }),
    );
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Keeps a broken file for whoever wants to look at it; the next save would otherwise overwrite it. */
  private async setAside(problem: string | Message): Promise<Message> {
    const { path, label } = this.options;
    const aside = `${path}.corrupt`;
    let kept: Message = { key: 'main.file.keptAs', params: { name: basename(aside) } };
    try {
      await this.fs.rename(path, aside);
    } catch (error) {
      kept = { key: 'main.file.notKept', params: { error: (error as Error).message } };
    }
    return { key: 'main.file.unreadable', params: { what: { key: label }, path, problem, kept } };
  }
}
