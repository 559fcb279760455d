import { updateRecord, type AnnotationTable } from '../../../shared/capture';
import type { EditorRecord, MapPatch } from '../../../shared/editor';
import { nowTimestamp } from '../../../shared/model';
import { useEditor } from '../editor/editorStore';

/** Applies a capture patch to the open map: in memory, to the database, onto the undo stack. */
export function applyCapture(change: MapPatch): void {
  useEditor.getState().apply(change);
}

/** Changes fields of one annotation record as one undoable write. */
export function updateAnnotation<T extends AnnotationTable>(
  table: T,
  id: EditorRecord<T>['id'],
  changes: Parameters<typeof updateRecord<T>>[3],
): void {
  const { model } = useEditor.getState();
  applyCapture(updateRecord(model, table, id, changes, nowTimestamp()));
}

/** Gives the keyboard back to the canvas, so arrows, Tab and P go on working. */
export function focusCanvas(): void {
  document.querySelector<HTMLElement>('.editor-body')?.focus();
}
