/** The app's version from package.json, put in by `cli/vite.config.ts`; absent when the sources run under vitest. */
declare const __KAKEHASHI_VERSION__: string | undefined;
