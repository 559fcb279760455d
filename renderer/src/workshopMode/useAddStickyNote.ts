import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { addStickyNote, STICKY_NOTE_SIZE } from '../../../shared/workshopMode';
import { useCaptureView } from '../capture/captureStore';
import { useEditor } from '../editor/editorStore';
import type { FlowEdge, FlowNode } from '../editor/flowProjection';
import { captureContext } from '../editor/useEditContext';

/** Puts a sticky note in the middle of what is on screen, by the current speaker, ready for typing. */
export function useAddStickyNote(): () => void {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  return useCallback(() => {
    const bounds = document.querySelector('.flow-canvas')?.getBoundingClientRect();
    const centre = bounds ? flow.screenToFlowPosition({ x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 }) : { x: 0, y: 0 };
    const result = addStickyNote(captureContext(), {
      position: { x: centre.x - STICKY_NOTE_SIZE.width / 2, y: centre.y - STICKY_NOTE_SIZE.height / 2 },
      authorId: useCaptureView.getState().speakerId,
    });
    const editor = useEditor.getState();
    editor.apply(result.patch, [result.id]);
    editor.setEditing(result.id);
  }, [flow]);
}
