import { runCli } from './commands';
import { nodeIo } from './nodeIo';

/** The built CLI's entry (`dist/cli/kakehashi.mjs`), started by `bin/kakehashi.mjs`. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const version = typeof __KAKEHASHI_VERSION__ === 'string' ? __KAKEHASHI_VERSION__ : '0.0.0-dev';
  try {
    return await runCli(argv, nodeIo(), { version, now: () => new Date().toISOString() });
  } catch (error) {
    // A bug, not something the user did: say so with the stack, and fail like an invalid file would.
    process.stderr.write(`kakehashi: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
