import { create } from 'zustand';

export type WriteFailureReason = 'quota' | 'blocked' | 'closed' | 'unknown';

export interface WriteFailure {
  readonly reason: WriteFailureReason;
  readonly message: string;
  /** Runs the failed write again. */
  readonly retry: () => Promise<void>;
}

interface SaveStatusState {
  /** Writes started and not yet committed or failed. */
  readonly pending: number;
  /** Set when the last write committed; never before the transaction resolved. */
  readonly lastSavedAt: number | null;
  readonly failure: WriteFailure | null;
  dismissFailure(): void;
}

export const useSaveStatus = create<SaveStatusState>((set) => ({
  pending: 0,
  lastSavedAt: null,
  failure: null,
  dismissFailure: () => set({ failure: null }),
}));

export function classifyWriteError(error: unknown): WriteFailureReason {
  const names: string[] = [];
  let current: unknown = error;
  // Dexie wraps the IndexedDB error; look at the whole chain.
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && current !== null && 'name' in current) names.push(String(current.name));
    current = typeof current === 'object' && current !== null && 'inner' in current ? current.inner : undefined;
  }
  if (names.some((name) => name === 'QuotaExceededError')) return 'quota';
  if (names.some((name) => name === 'BlockedError' || name === 'VersionChangeError' || name === 'VersionError')) return 'blocked';
  if (names.some((name) => name === 'DatabaseClosedError' || name === 'InvalidStateError')) return 'closed';
  return 'unknown';
}

/**
 * Runs one write (one Dexie transaction) and tracks it for the autosave indicator: "Saved"
 * only after the transaction committed; a failure is kept visible, with a retry, until the
 * user dismisses it or a retry succeeds. The promise rejects so the caller keeps its state.
 */
export async function trackWrite<T>(write: () => Promise<T>): Promise<T> {
  useSaveStatus.setState((state) => ({ pending: state.pending + 1 }));
  try {
    const result = await write();
    useSaveStatus.setState((state) => ({
      pending: state.pending - 1,
      lastSavedAt: Date.now(),
      failure: null,
    }));
    return result;
  } catch (error) {
    const retry = async () => {
      await trackWrite(write);
    };
    useSaveStatus.setState((state) => ({
      pending: state.pending - 1,
      failure: { reason: classifyWriteError(error), message: error instanceof Error ? error.message : String(error), retry },
    }));
    throw error;
  }
}
