import { useCallback } from 'react';
import type { CaptureContext } from '../../../shared/capture';
import type { EditContext } from '../../../shared/editor';
import { nowTimestamp } from '../../../shared/model';
import { useEditor } from './editorStore';

/** The context creating commands need, read when the command runs. */
export function useEditContext(): () => EditContext {
  return useCallback(() => {
    const { workshopId, mapId } = useEditor.getState();
    if (!workshopId || !mapId) throw new Error('no map is open');
    return { workshopId, mapId, now: nowTimestamp() };
  }, []);
}

/** The context of capture commands: the open map's workshop, process and map, and now. */
export function captureContext(): CaptureContext {
  const { workshopId, processId, mapId } = useEditor.getState();
  if (!workshopId || !processId || !mapId) throw new Error('no map is open');
  return { workshopId, processId, mapId, now: nowTimestamp() };
}
