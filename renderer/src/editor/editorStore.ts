import { create } from 'zustand';
import { applyPatch, invertPatch, isEmptyPatch, mapStateOf, type MapPatch, type MapRecords, type MapState } from '../../../shared/editor/mapState';
import type { MapId, ProcessId, WorkshopId } from '../../../shared/model';

/** How many edits undo reaches back, per open map. */
const HISTORY_LIMIT = 500;

interface HistoryEntry {
  readonly redo: MapPatch;
  readonly undo: MapPatch;
}

export type PatchWriter = (change: MapPatch) => Promise<void>;

export interface EditorState {
  readonly workshopId: WorkshopId | null;
  readonly processId: ProcessId | null;
  readonly mapId: MapId | null;
  readonly model: MapState;
  /** Ids of the selected steps, lanes, connections and sticky notes. */
  readonly selection: ReadonlySet<string>;
  /** The step whose label is being typed. */
  readonly editingStepId: string | null;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  readonly write: PatchWriter | null;

  open(workshopId: WorkshopId, processId: ProcessId, mapId: MapId, records: MapRecords, write: PatchWriter): void;
  close(): void;
  /** Applies an edit: in memory at once, to the database in one transaction, onto the undo stack. */
  apply(change: MapPatch, selectAfter?: Iterable<string>): void;
  undo(): void;
  redo(): void;
  select(ids: Iterable<string>): void;
  setEditing(stepId: string | null): void;
}

const emptyModel: MapState = mapStateOf({ lanes: [], steps: [], connections: [] });

/** Ids that no longer exist are dropped from the selection after an edit. */
function pruneSelection(selection: ReadonlySet<string>, model: MapState): ReadonlySet<string> {
  const exists = (id: string) =>
    model.steps.has(id as never) || model.lanes.has(id as never) || model.connections.has(id as never) || model.stickyNotes.has(id as never);
  const kept = [...selection].filter(exists);
  return kept.length === selection.size ? selection : new Set(kept);
}

export const useEditor = create<EditorState>((set, get) => {
  const persist = (change: MapPatch) => {
    // A failed write is shown by the save indicator with a retry; the in-memory map keeps the edit.
    void get().write?.(change).catch(() => undefined);
  };
  return {
    workshopId: null,
    processId: null,
    mapId: null,
    model: emptyModel,
    selection: new Set(),
    editingStepId: null,
    past: [],
    future: [],
    write: null,

    open: (workshopId, processId, mapId, records, write) =>
      set({ workshopId, processId, mapId, model: mapStateOf(records), selection: new Set(), editingStepId: null, past: [], future: [], write }),
    close: () => set({ workshopId: null, processId: null, mapId: null, model: emptyModel, selection: new Set(), editingStepId: null, past: [], future: [], write: null }),

    apply: (change, selectAfter) => {
      if (isEmptyPatch(change)) return;
      const { model, past, selection } = get();
      const next = applyPatch(model, change);
      set({
        model: next,
        past: [...past.slice(-(HISTORY_LIMIT - 1)), { redo: change, undo: invertPatch(model, change) }],
        future: [],
        selection: selectAfter ? new Set(selectAfter) : pruneSelection(selection, next),
      });
      persist(change);
    },
    undo: () => {
      const { past, future, model, selection } = get();
      const entry = past[past.length - 1];
      if (!entry) return;
      const next = applyPatch(model, entry.undo);
      set({ model: next, past: past.slice(0, -1), future: [...future, entry], selection: pruneSelection(selection, next), editingStepId: null });
      persist(entry.undo);
    },
    redo: () => {
      const { past, future, model, selection } = get();
      const entry = future[future.length - 1];
      if (!entry) return;
      const next = applyPatch(model, entry.redo);
      set({ model: next, past: [...past, entry], future: future.slice(0, -1), selection: pruneSelection(selection, next), editingStepId: null });
      persist(entry.redo);
    },
    select: (ids) => set({ selection: new Set(ids) }),
    setEditing: (stepId) => set({ editingStepId: stepId }),
  };
});
