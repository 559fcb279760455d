import { useMemo, useRef } from 'react';

function shallowEqual(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Keeps the previous value object for a key while it is shallow-equal to the new one, so
 * memoised nodes that receive it do not re-render when an unrelated record changes.
 */
export function useStableValues<K, V extends object>(next: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  const previous = useRef<ReadonlyMap<K, V>>(new Map());
  return useMemo(() => {
    const stable = new Map<K, V>();
    for (const [key, value] of next) {
      const before = previous.current.get(key);
      stable.set(key, before && shallowEqual(before, value) ? before : value);
    }
    previous.current = stable;
    return stable;
  }, [next]);
}
