// `npm run build:electron`: bundles the Electron main process and the preload into dist/electron.
// Everything but `electron` is bundled in: a sandboxed preload cannot require local files, and a
// bundled main starts faster and needs no node_modules in the packaged app.
import console from 'node:console';
import { rmSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/electron`;

const shared = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
};

/** A sandboxed preload may require only `electron` (and a few polyfills we do not use). */
function assertPreloadRequiresOnlyElectron(metafile) {
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports ?? []);
  const external = [...new Set(imports.filter((i) => i.external).map((i) => i.path))];
  const forbidden = external.filter((path) => path !== 'electron');
  if (forbidden.length > 0) {
    throw new Error(`The preload would require ${forbidden.join(', ')} at run time; a sandboxed preload may require only electron.`);
  }
}

async function buildAll() {
  rmSync(outdir, { recursive: true, force: true });
  const [, preload] = await Promise.all([
    build({
      ...shared,
      entryPoints: ['electron/main/index.ts'],
      outfile: `${outdir}/main.cjs`,
      platform: 'node',
      // Electron 45 embeds Node 22 or newer.
      target: 'node22',
    }),
    build({
      ...shared,
      entryPoints: ['electron/preload/index.ts'],
      outfile: `${outdir}/preload.cjs`,
      // The preload runs in the renderer's sandbox: browser platform, so a Node built-in fails the build.
      platform: 'browser',
      // A floor below the Chromium of every Electron we support; the code is ES2022, so nothing is down-levelled.
      target: 'chrome130',
    }),
  ]);
  assertPreloadRequiresOnlyElectron(preload.metafile);
  console.log('dist/electron/main.cjs and dist/electron/preload.cjs built');
}

try {
  await buildAll();
} catch (error) {
  // esbuild has already printed its errors with file and line; anything else gets its message.
  if (!Array.isArray(error.errors)) console.error(error.message);
  process.exitCode = 1;
}
