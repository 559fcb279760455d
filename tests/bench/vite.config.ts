import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The benchmark pages (canvas: editor and bare; exports), built like the app: production mode, React's production build, minified. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  mode: 'production',
  logLevel: 'warn',
  plugins: [react()],
  define: { __APP_VERSION__: '"bench"' },
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    // BENCH_NO_MINIFY=1 keeps function names readable in CPU profiles (run.mjs --profile).
    minify: process.env.BENCH_NO_MINIFY ? false : undefined,
    rollupOptions: {
      input: {
        editor: fileURLToPath(new URL('editor.html', import.meta.url)),
        bare: fileURLToPath(new URL('bare.html', import.meta.url)),
        exports: fileURLToPath(new URL('exports.html', import.meta.url)),
      },
    },
  },
});
