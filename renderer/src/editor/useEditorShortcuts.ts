import { useCallback, useRef, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import {
  addStepAfter,
  combinePatches,
  copySteps,
  deleteElements,
  dropSteps,
  duplicateSteps,
  moveSteps,
  pasteSteps,
  type MapClipboard,
  type MapPatch,
  type MapState,
} from '../../../shared/editor';
import { GRID, LANE_PADDING, layoutLanes } from '../../../shared/editor/geometry';
import type { LaneId, StepId, StickyNoteId } from '../../../shared/model';
import { HEAT_MODES } from '../../../shared/capture';
import { deleteStickyNotes } from '../../../shared/workshopMode';
import { useAddStickyNote } from '../workshopMode/useAddStickyNote';
import { useCaptureView } from '../capture/captureStore';
import { useEditor } from './editorStore';
import type { FlowEdge, FlowNode } from './flowProjection';
import { absoluteCentre, isTypingTarget, neighbourInDirection, type Direction } from './navigation';
import { useEditContext } from './useEditContext';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

interface ShortcutHandlers {
  readonly onFind: () => void;
  readonly onDeleteLane: (laneId: LaneId) => void;
}

/**
 * Keyboard-first building: Tab adds the next step, Enter edits, arrows move the selection
 * (Alt+arrows nudge, Alt+Shift+↑/↓ move to the lane above or below), Delete removes, Ctrl/Cmd+C/X/V/D copy, cut, paste, duplicate,
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Ctrl/Cmd+A selects all, Ctrl/Cmd+F finds,
 * Shift+1 fits the map; P adds a pain point, E an exception, H cycles the heatmap. Keys typed
 * into a text field are left alone.
 */
export function useEditorShortcuts({ onFind, onDeleteLane }: ShortcutHandlers): (event: KeyboardEvent) => void {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const editContext = useEditContext();
  const clipboard = useRef<MapClipboard | null>(null);
  const addSticky = useAddStickyNote();

  const reveal = useCallback(
    (stepId: StepId) => {
      const { model } = useEditor.getState();
      const step = model.steps.get(stepId);
      if (!step) return;
      const centre = absoluteCentre(step, layoutLanes(model.lanes.values(), model.steps.values()));
      const { x, y, zoom } = flow.getViewport();
      const bounds = document.querySelector('.flow-canvas')?.getBoundingClientRect();
      if (!bounds) return;
      const screenX = centre.x * zoom + x;
      const screenY = centre.y * zoom + y;
      const margin = 80;
      if (screenX < margin || screenY < margin || screenX > bounds.width - margin || screenY > bounds.height - margin) {
        void flow.setCenter(centre.x, centre.y, { zoom, duration: 200 });
      }
    },
    [flow],
  );

  return useCallback(
    (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.nativeEvent.isComposing) return;
      const editor = useEditor.getState();
      const { model, selection } = editor;
      const selectedSteps = [...selection].filter((id): id is StepId => model.steps.has(id as StepId));
      const selectedConnections = [...selection].filter((id) => model.connections.has(id as never));
      const selectedLanes = [...selection].filter((id): id is LaneId => model.lanes.has(id as LaneId));
      const selectedNotes = [...selection].filter((id): id is StickyNoteId => model.stickyNotes.has(id as StickyNoteId));
      const single = selectedSteps.length === 1 ? selectedSteps[0] : undefined;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const handled = () => {
        event.preventDefault();
        event.stopPropagation();
      };

      if (mod && key === 'z') {
        handled();
        if (event.shiftKey) editor.redo();
        else editor.undo();
      } else if (mod && key === 'y') {
        handled();
        editor.redo();
      } else if (mod && key === 'a') {
        handled();
        editor.select(model.steps.keys());
      } else if (mod && key === 'f') {
        handled();
        onFind();
      } else if (mod && (key === 'c' || key === 'x') && selectedSteps.length > 0) {
        handled();
        clipboard.current = copySteps(model, selectedSteps);
        if (key === 'x') editor.apply(deleteElements(model, { stepIds: selectedSteps, connectionIds: [] }));
      } else if (mod && key === 'v' && clipboard.current) {
        handled();
        const result = pasteSteps(model, editContext(), clipboard.current, { offset: { x: GRID * 3, y: GRID * 3 } });
        editor.apply(result.patch, result.stepIds);
        // Pasting again lands further on, not on top of the previous paste.
        clipboard.current = copySteps(useEditor.getState().model, result.stepIds);
      } else if (mod && key === 'd' && selectedSteps.length > 0) {
        handled();
        const result = duplicateSteps(model, editContext(), selectedSteps);
        editor.apply(result.patch, result.stepIds);
      } else if (event.key === 'Tab' && single && !mod && !event.altKey) {
        handled();
        const result = addStepAfter(model, editContext(), single, {});
        editor.apply(result.patch, [result.stepId]);
        editor.setEditing(result.stepId);
        reveal(result.stepId);
      } else if ((event.key === 'Enter' || event.key === 'F2') && single) {
        handled();
        editor.setEditing(single);
      } else if ((event.key === 'Enter' || event.key === 'F2') && selectedNotes.length === 1 && selectedNotes[0]) {
        handled();
        editor.setEditing(selectedNotes[0]);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && (selectedSteps.length > 0 || selectedConnections.length > 0 || selectedNotes.length > 0)) {
        handled();
        editor.apply(combinePatches(deleteElements(model, { stepIds: selectedSteps, connectionIds: selectedConnections as never[] }), deleteStickyNotes(model, selectedNotes)));
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selectedLanes.length === 1 && selectedLanes[0]) {
        handled();
        onDeleteLane(selectedLanes[0]);
      } else if (event.key in ARROWS && selectedSteps.length > 0) {
        handled();
        const direction = ARROWS[event.key] as Direction;
        if (event.altKey && event.shiftKey && (direction === 'up' || direction === 'down')) {
          editor.apply(moveToNeighbourLane(model, selectedSteps, direction === 'up' ? -1 : 1));
        } else if (event.altKey) {
          const dx = direction === 'left' ? -GRID : direction === 'right' ? GRID : 0;
          const dy = direction === 'up' ? -GRID : direction === 'down' ? GRID : 0;
          editor.apply(
            moveSteps(
              model,
              selectedSteps.map((stepId) => {
                const step = model.steps.get(stepId);
                return { stepId, position: { x: (step?.position.x ?? 0) + dx, y: (step?.position.y ?? 0) + dy } };
              }),
            ),
          );
        } else if (single) {
          const layout = layoutLanes(model.lanes.values(), model.steps.values());
          const next = neighbourInDirection(model, layout, single, direction);
          if (next) {
            editor.select([next]);
            reveal(next);
          }
        }
      } else if (!mod && !event.altKey && (key === 'p' || key === 'e') && !event.shiftKey) {
        // P: a pain point on the selection (step, connection, lane) or the map; E: an exception on the step.
        if ((key === 'e' && !single) || selectedSteps.length > 1) return;
        handled();
        useCaptureView.getState().startQuick(key === 'p' ? 'painPoint' : 'exception');
      } else if (!mod && !event.altKey && key === 'n' && !event.shiftKey) {
        // N: a sticky note in the middle of what is on screen, ready for typing.
        handled();
        addSticky();
      } else if (!mod && !event.altKey && key === 'k' && !event.shiftKey) {
        // K: the parking lot, for an off-topic remark, without leaving the canvas.
        handled();
        useCaptureView.getState().startQuick('parking');
      } else if (!mod && !event.altKey && key === 'h' && !event.shiftKey) {
        handled();
        const view = useCaptureView.getState();
        const next = view.heatMode === null ? HEAT_MODES[0] : (HEAT_MODES[HEAT_MODES.indexOf(view.heatMode) + 1] ?? null);
        view.setHeatMode(next ?? null);
      } else if (event.key === 'Escape') {
        editor.select([]);
      } else if (event.key === '!' && event.shiftKey) {
        handled();
        void flow.fitView({ padding: 0.1, duration: 200 });
      }
    },
    [addSticky, editContext, flow, onDeleteLane, onFind, reveal],
  );
}


/** Moves steps into the lane above (-1) or below (+1), keeping their horizontal place. */
function moveToNeighbourLane(model: MapState, stepIds: readonly StepId[], offset: -1 | 1): MapPatch {
  const layout = layoutLanes(model.lanes.values(), model.steps.values());
  const drops = stepIds.flatMap((stepId) => {
    const step = model.steps.get(stepId);
    const index = layout.lanes.findIndex((box) => box.lane.id === step?.laneId);
    const target = layout.lanes[index + offset];
    return step && target ? [{ stepId, absolute: { x: step.position.x, y: target.y + LANE_PADDING } }] : [];
  });
  return dropSteps(model, drops);
}
