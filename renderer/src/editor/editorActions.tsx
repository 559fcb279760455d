import { createContext, useContext } from 'react';
import type { LaneId, StepId, StickyNoteId } from '../../../shared/model';

/** What nodes on the canvas can ask of the editor; stable for the editor's lifetime so memoised nodes never re-render for it. */
export interface EditorActions {
  commitLabel(stepId: StepId, label: string): void;
  stopEditing(): void;
  renameLane(laneId: LaneId, name: string): void;
  commitStickyText(noteId: StickyNoteId, text: string): void;
}

export const EditorActionsContext = createContext<EditorActions | null>(null);

export function useEditorActions(): EditorActions {
  const actions = useContext(EditorActionsContext);
  if (!actions) throw new Error('useEditorActions outside the map editor');
  return actions;
}
