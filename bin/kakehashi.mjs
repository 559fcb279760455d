#!/usr/bin/env node
// The `kakehashi` command: starts the command line built by `npm run build` (cli/ → dist/cli/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/kakehashi.mjs', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('kakehashi: the command line is not built yet: run `npm run build` first\n');
  process.exit(3);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
