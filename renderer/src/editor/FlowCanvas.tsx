import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection as FlowConnection,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
  type OnNodeDrag,
  type XYPosition,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { addStep, combinePatches, connect, dropSteps, moveLane, reconnect } from '../../../shared/editor';
import { GRID, layoutLanes, laneAt, stepBox, stepSize } from '../../../shared/editor/geometry';
import { stepBadges, stepHeat, updateRecord, type StepHeat } from '../../../shared/capture';
import { nowTimestamp, type ConnectionId, type LaneId, type Participant, type StepId, type StickyNoteId } from '../../../shared/model';
import { useCaptureView } from '../capture/captureStore';
import { HeatLegend } from '../capture/HeatLegend';
import { useStableValues } from '../capture/stableMap';
import { useEditor } from './editorStore';
import { projectEdges, projectNodes, ProjectionCache, type FlowEdge, type FlowNode } from './flowProjection';
import { LaneNode } from './LaneNode';
import { STEP_STYLES } from './stepShapes';
import { StepNode } from './StepNode';
import { StickyNode } from '../workshopMode/StickyNode';
import { useEditContext } from './useEditContext';

const nodeTypes = { lane: LaneNode, step: StepNode, sticky: StickyNode };
const NO_HEAT: ReadonlyMap<StepId, StepHeat> = new Map();

// Props handed to <ReactFlow> keep their identity across renders: each new value is written
// into React Flow's store and re-runs every node's, edge's and handle's selectors.
const SNAP_GRID: [number, number] = [GRID, GRID];
const FIT_VIEW_OPTIONS = { padding: 0.1, maxZoom: 1 };
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };

// Module-level so the minimap's memoised node wrappers are not all re-rendered on every frame.
const minimapNodeColor = (node: FlowNode) => (node.type === 'step' ? STEP_STYLES[node.data.step.type].stroke : 'transparent');
const minimapNodeStroke = (node: FlowNode) => (node.type === 'lane' ? '#c5cbd6' : 'transparent');

interface FlowCanvasProps {
  readonly snapToGrid: boolean;
  /** The workshop's participants, for the segregation-of-duties check on the badges. */
  readonly participants?: readonly Participant[];
}

const NO_PARTICIPANTS: readonly Participant[] = [];

/** The editable swimlane canvas. All edits go through the editor store as patches. */
export function FlowCanvas({ snapToGrid, participants = NO_PARTICIPANTS }: FlowCanvasProps) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const selection = useEditor((state) => state.selection);
  const editingStepId = useEditor((state) => state.editingStepId);
  const apply = useEditor((state) => state.apply);
  const select = useEditor((state) => state.select);
  const setEditing = useEditor((state) => state.setEditing);
  const editContext = useEditContext();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const [dragging, setDragging] = useState<ReadonlyMap<string, XYPosition>>(new Map());
  const nodeCache = useRef(new ProjectionCache<FlowNode>());
  const edgeCache = useRef(new ProjectionCache<FlowEdge>());

  const filter = useCaptureView((state) => state.filter);
  const heatMode = useCaptureView((state) => state.heatMode);

  const layout = useMemo(() => layoutLanes(model.lanes.values(), model.steps.values()), [model.lanes, model.steps]);
  const badges = useStableValues(useMemo(() => stepBadges(model, participants, filter), [model, participants, filter]));
  const heat = useStableValues(useMemo(() => (heatMode ? stepHeat(model, badges, heatMode, filter) : NO_HEAT), [model, badges, heatMode, filter]));
  const projection = { model, layout, selection, editingStepId, dragging, badges, heat: heatMode ? heat : null, participants };
  const nodes = useMemo(() => projectNodes(projection, nodeCache.current), [model, layout, selection, editingStepId, dragging, badges, heat, heatMode, participants]);
  const edges = useMemo(() => projectEdges(projection, edgeCache.current), [model.connections, model.steps, layout, selection]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moved = new Map<string, XYPosition>();
      let nextSelection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.dragging) {
          moved.set(change.id, change.position);
        } else if (change.type === 'select') {
          nextSelection ??= new Set(useEditor.getState().selection);
          if (change.selected) nextSelection.add(change.id);
          else nextSelection.delete(change.id);
        }
      }
      if (moved.size > 0) setDragging((current) => new Map([...current, ...moved]));
      if (nextSelection) select(nextSelection);
    },
    [select],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const next = new Set(useEditor.getState().selection);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        changed = true;
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      if (changed) select(next);
    },
    [select],
  );

  const onNodeDragStop = useCallback<OnNodeDrag<FlowNode>>(
    (_event, node, dragged) => {
      const state = useEditor.getState();
      if (node.type === 'lane') {
        const centreY = node.position.y + (node.height ?? 0) / 2;
        const target = laneAt(layout, centreY);
        const toIndex = target ? layout.lanes.indexOf(target) : 0;
        apply(moveLane(state.model, node.id as LaneId, toIndex));
      } else {
        // Steps and sticky notes dragged together land together, in one undoable write.
        const drops = dragged
          .filter((candidate) => candidate.type === 'step')
          .map((candidate) => {
            const laneY = layout.byId.get(candidate.parentId as LaneId)?.y ?? 0;
            return { stepId: candidate.id as StepId, absolute: { x: candidate.position.x, y: laneY + candidate.position.y } };
          });
        const now = nowTimestamp();
        const notes = dragged
          .filter((candidate) => candidate.type === 'sticky')
          .map((candidate) => updateRecord(state.model, 'stickyNotes', candidate.id as StickyNoteId, { position: candidate.position }, now));
        apply(notes.reduce(combinePatches, dropSteps(state.model, drops)));
      }
      setDragging(new Map());
    },
    [apply, layout],
  );

  const connectSteps = useCallback(
    (sourceStepId: StepId, targetStepId: StepId) => {
      const state = useEditor.getState();
      const source = state.model.steps.get(sourceStepId);
      if (!source) return;
      let label = '';
      if (source.type === 'decision') {
        const outgoing = [...state.model.connections.values()].filter((existing) => existing.sourceStepId === source.id && existing.kind === 'sequence');
        label = outgoing.length === 0 ? t('editor.branchYes') : outgoing.length === 1 ? t('editor.branchNo') : '';
      }
      const result = connect(state.model, editContext(), { sourceStepId, targetStepId, label });
      if (result.connectionId) apply(result.patch, [result.connectionId]);
    },
    [apply, editContext, t],
  );

  const onConnect = useCallback(
    (connection: FlowConnection) => connectSteps(connection.source as StepId, connection.target as StepId),
    [connectSteps],
  );

  /** A connection dropped anywhere on a step (not only on a handle) connects to that step. */
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, connectionState) => {
      if (connectionState.isValid === true || !connectionState.fromNode) return;
      const pointer = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!pointer) return;
      // Found in map coordinates, not by hit-testing, so overlays (minimap, connection line) do not get in the way.
      const point = flow.screenToFlowPosition({ x: pointer.clientX, y: pointer.clientY });
      const target = [...useEditor.getState().model.steps.values()].find((step) => {
        const box = stepBox(step, layout);
        return point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
      });
      if (target && target.id !== connectionState.fromNode.id) connectSteps(connectionState.fromNode.id as StepId, target.id);
    },
    [connectSteps, flow, layout],
  );

  /** Dragging a connection's end onto another step re-attaches it there. */
  const onReconnect = useCallback(
    (edge: FlowEdge, connection: FlowConnection) => {
      const state = useEditor.getState();
      apply(
        reconnect(state.model, edge.id as ConnectionId, {
          sourceStepId: connection.source as StepId,
          targetStepId: connection.target as StepId,
        }),
      );
    },
    [apply],
  );

  const onNodeDoubleClick = useCallback((_event: MouseEvent, node: FlowNode) => node.type !== 'lane' && setEditing(node.id), [setEditing]);
  const onPaneClick = useCallback(() => {
    select([]);
    setEditing(null);
  }, [select, setEditing]);

  const onPaneDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest('.react-flow__pane, .lane-node')) return;
      if (event.target.closest('.lane-header')) return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const lane = laneAt(layout, point.y);
      if (!lane) return;
      const size = stepSize('manualTask');
      const result = addStep(useEditor.getState().model, editContext(), {
        laneId: lane.lane.id,
        type: 'manualTask',
        label: '',
        position: { x: point.x - size.width / 2, y: point.y - lane.y - size.height / 2 },
      });
      apply(result.patch, [result.stepId]);
      setEditing(result.stepId);
    },
    [apply, editContext, flow, layout, setEditing],
  );

  return (
    <div className={`flow-canvas${heatMode ? ' heatmap-on' : ''}`} onDoubleClick={onPaneDoubleClick} data-step-count={model.steps.size} data-heat-mode={heatMode ?? undefined}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onReconnect={onReconnect}
        edgesReconnectable
        onNodeDoubleClick={onNodeDoubleClick}
        onPaneClick={onPaneClick}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        zoomOnDoubleClick={false}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        onlyRenderVisibleElements
        elevateNodesOnSelect={false}
        minZoom={0.05}
        maxZoom={3}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        proOptions={PRO_OPTIONS}
        disableKeyboardA11y
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1} />
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapNodeColor}
          nodeStrokeColor={minimapNodeStroke}
          ariaLabel={t('editor.minimap')}
        />
        <Controls showInteractive={false} aria-label={t('editor.zoomControls')} />
      </ReactFlow>
      {heatMode ? <HeatLegend mode={heatMode} /> : null}
    </div>
  );
}
