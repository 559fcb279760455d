import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * One self-contained CommonJS file per entry, with everything but 'electron' and Node's
 * builtins bundled in: the sandboxed preload can require nothing else (not even a shared
 * chunk, hence a separate environment per entry), and the packaged app needs no dependencies.
 */
function nodeBundle(entry: 'main' | 'preload'): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true },
    build: {
      target: 'node20',
      outDir: fromHere('../dist/electron'),
      // Only dist/electron, and only before the first entry: the renderer build sits next to it in dist/.
      emptyOutDir: entry === 'main',
      minify: false,
      rollupOptions: {
        input: { [entry]: fromHere(`${entry}.ts`) },
        external: ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  };
}

export default defineConfig({
  environments: { main: nodeBundle('main'), preload: nodeBundle('preload') },
  builder: {
    async buildApp(builder) {
      // In sequence, because only the first build empties the shared output folder.
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
    },
  },
});
