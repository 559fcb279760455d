import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const packageJson = JSON.parse(readFileSync(fromHere('../package.json'), 'utf8')) as { version: string };

/**
 * The command line as one self-contained ES module for Node 20: `dist/cli/kakehashi.mjs`, with
 * shared/ and every package it uses bundled in, so it runs without node_modules.
 *
 * An SSR build resolves packages for Node: its conditions are `node` (not `browser`) and it
 * ignores `browser` fields, so exceljs comes from its Node build (`excel.js`, not
 * `dist/exceljs.min.js`), iconv-lite from `lib/`, bpmn-moddle from its ES module.
 * The bundled CommonJS packages call `require` for Node's builtins; an ES module has no
 * `require`, so the banner makes one.
 */
export default defineConfig({
  define: { __KAKEHASHI_VERSION__: JSON.stringify(packageJson.version) },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: fromHere('main.ts'),
    target: 'node20',
    outDir: fromHere('../dist/cli'),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: {
        format: 'es',
        entryFileNames: 'kakehashi.mjs',
        // One file: the exporters load exceljs and iconv-lite with import(), which would otherwise be chunks.
        codeSplitting: false,
        banner: "import { createRequire as __kakehashiCreateRequire } from 'node:module';\nconst require = __kakehashiCreateRequire(import.meta.url);",
      },
    },
  },
});
