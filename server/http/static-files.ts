import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { contentTypeFor } from '../../shared/content-types';

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** Vite puts content-hashed files under assets/: they never change, so browsers may keep them. */
  immutable: boolean;
}

export type StaticLookup =
  | { kind: 'file'; file: StaticFile }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'not-built' };

/** Serves the built renderer. Paths without an extension fall back to index.html (one-page app). */
export function createStaticFiles(rootDir: string) {
  const root = resolve(rootDir);

  async function read(full: string): Promise<StaticFile | null> {
    const info = await stat(full).catch(() => null);
    if (!info?.isFile()) return null;
    return {
      body: await readFile(full),
      contentType: contentTypeFor(extname(full)),
      immutable: full.startsWith(join(root, 'assets') + sep),
    };
  }

  return async function lookup(urlPath: string): Promise<StaticLookup> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return { kind: 'forbidden' };
    }
    const full = resolve(root, `.${sep}${decoded}`);
    if (decoded.includes('\0') || (full !== root && !full.startsWith(root + sep))) return { kind: 'forbidden' };
    const file = await read(full === root ? join(root, 'index.html') : full);
    if (file) return { kind: 'file', file };
    if (extname(full) !== '') return { kind: 'not-found' };
    const index = await read(join(root, 'index.html'));
    return index ? { kind: 'file', file: index } : { kind: 'not-built' };
  };
}
