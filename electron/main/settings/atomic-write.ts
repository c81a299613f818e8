import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The parts of an open file the write needs; node:fs/promises' FileHandle fits. */
export interface WritableFile {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The parts of node:fs/promises an atomic write needs; tests pass a recording or failing wrapper. */
export interface AtomicWriteFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: string, mode?: number): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export interface AtomicWriteOptions {
  /** Windows cannot open a directory to fsync it; there the rename is as durable as NTFS makes it. */
  platform: NodeJS.Platform;
  /** The file may hold a token in clear (no keyring), so only its owner may read it. */
  mode?: number;
}

/**
 * Writes `data` to `path` so that a crash or power cut at any moment leaves either the old file or the
 * new one, never a torn one: write a temporary file in the same folder (rename is only atomic within a
 * file system), fsync it, rename it over the target, then fsync the folder so the rename itself lasts.
 */
export async function writeFileAtomic(
  fs: AtomicWriteFs,
  path: string,
  data: string,
  { platform, mode = 0o600 }: AtomicWriteOptions,
): Promise<void> {
  const folder = dirname(path);
  await fs.mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const file = await fs.open(temp, 'wx', mode);
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => {
      // The temporary file was never created, or is already gone: the first error is the one to report.
    });
    throw error;
  }
  if (platform !== 'win32') {
    const dir = await fs.open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
