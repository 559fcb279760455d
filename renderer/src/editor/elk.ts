import type { ELK } from 'elkjs/lib/elk-api';

let elk: Promise<ELK> | null = null;

/** ELK is large; it is loaded the first time auto-layout runs, not with the app. */
export function getElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return elk;
}
