import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { layoutLanes } from '../../../shared/editor/geometry';
import type { LaneId, StepId } from '../../../shared/model';
import { useEditor } from '../editor/editorStore';
import type { FlowEdge, FlowNode } from '../editor/flowProjection';
import { absoluteCentre } from '../editor/navigation';

/** Selects a step (or lane) and centres the canvas on it: where a click in a list jumps to. */
export function useJumpTo(): (target: { stepId: StepId | null; laneId?: LaneId | null }) => void {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  return useCallback(
    ({ stepId, laneId }) => {
      const editor = useEditor.getState();
      const { model } = editor;
      const step = stepId ? model.steps.get(stepId) : undefined;
      const layout = layoutLanes(model.lanes.values(), model.steps.values());
      if (step) {
        editor.select([step.id]);
        const centre = absoluteCentre(step, layout);
        void flow.setCenter(centre.x, centre.y, { zoom: Math.max(flow.getZoom(), 0.8), duration: 250 });
      } else if (laneId && model.lanes.has(laneId)) {
        editor.select([laneId]);
        const box = layout.byId.get(laneId);
        if (box) void flow.setCenter(layout.width / 2, box.y + box.height / 2, { zoom: flow.getZoom(), duration: 250 });
      }
    },
    [flow],
  );
}
