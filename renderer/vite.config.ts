import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One build for both homes: the gateway serves it at / over http, Electron at app://queueboard/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows no inline script; keep every asset a file.
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: true,
  },
});
