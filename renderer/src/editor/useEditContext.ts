import { useCallback } from 'react';
import { nowTimestamp, type MapId, type WorkshopId } from '../../../shared/model';
import { useEditor } from './editorStore';

export interface EditContext {
  readonly workshopId: WorkshopId;
  readonly mapId: MapId;
  readonly now: string;
}

/** The context creating commands need, read when the command runs. */
export function useEditContext(): () => EditContext {
  return useCallback(() => {
    const { workshopId, mapId } = useEditor.getState();
    if (!workshopId || !mapId) throw new Error('no map is open');
    return { workshopId, mapId, now: nowTimestamp() };
  }, []);
}
