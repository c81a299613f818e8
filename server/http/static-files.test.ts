import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStaticFiles } from './static-files';

let root: string;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'qb-static-'));
  root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  await writeFile(join(parent, 'secret.txt'), 'do not serve');
});

describe('static files', () => {
  it('serves index.html at / and for app paths, and hashed assets as immutable', async () => {
    const lookup = createStaticFiles(root);
    for (const path of ['/', '/wall', '/index.html']) {
      const result = await lookup(path);
      expect(result.kind === 'file' && result.file.contentType, path).toBe('text/html; charset=utf-8');
    }
    const asset = await lookup('/assets/app-1a2b.js');
    expect(asset).toMatchObject({ kind: 'file', file: { contentType: 'text/javascript; charset=utf-8', immutable: true } });
  });

  it('never serves a file outside its folder', async () => {
    const lookup = createStaticFiles(root);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/%E0%A4%A']) {
      expect((await lookup(path)).kind, path).toBe('forbidden');
    }
  });

  it('says not-found for a missing file and not-built when there is no build', async () => {
    expect((await createStaticFiles(root)('/assets/missing.js')).kind).toBe('not-found');
    expect((await createStaticFiles(join(root, 'nothing-here'))('/')).kind).toBe('not-built');
  });
});
