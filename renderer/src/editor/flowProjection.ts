import { MarkerType, type Edge, type Node, type XYPosition } from '@xyflow/react';
import { stepSize, type LaneLayout } from '../../../shared/editor/geometry';
import type { MapState } from '../../../shared/editor/mapState';
import type { StepBadges, StepHeat } from '../../../shared/capture';
import { STICKY_NOTE_SIZE } from '../../../shared/workshopMode';
import { connectionSides } from '../../../shared/diagram/route';
import type { Connection, Lane, Participant, Step, StepId, StickyNote } from '../../../shared/model';

/**
 * The projection from the domain map to React Flow: lanes become parent nodes stacked top to
 * bottom, steps their children. Node and edge objects are reused while their inputs are the
 * same, so React Flow only re-measures what changed — this is what keeps thousands of steps
 * fluid while one is dragged.
 */
export type LaneNodeData = { lane: Lane; label: string };
export type StepNodeData = { step: Step; editing: boolean; badges: StepBadges | null; heat: StepHeat | null };
export type LaneFlowNode = Node<LaneNodeData, 'lane'>;
export type StepFlowNode = Node<StepNodeData, 'step'>;
export type StickyNodeData = { note: StickyNote; editing: boolean; author: string | null };
export type StickyFlowNode = Node<StickyNodeData, 'sticky'>;
export type FlowNode = LaneFlowNode | StepFlowNode | StickyFlowNode;
export type FlowEdge = Edge<{ connection: Connection }>;

interface Cached<N> {
  readonly key: readonly unknown[];
  readonly value: N;
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/** Reuses the previous object for an id while its key (the inputs it was built from) is unchanged. */
export class ProjectionCache<N> {
  private entries = new Map<string, Cached<N>>();

  get(id: string, key: readonly unknown[], build: () => N): N {
    const hit = this.entries.get(id);
    if (hit && sameKey(hit.key, key)) return hit.value;
    const value = build();
    this.entries.set(id, { key, value });
    return value;
  }

  /** Forgets ids not used in the last projection. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}

export interface ProjectionInput {
  readonly model: MapState;
  readonly layout: LaneLayout;
  readonly selection: ReadonlySet<string>;
  readonly editingStepId: string | null;
  /** Positions of steps being dragged, relative to their lane, until the drop is committed. */
  readonly dragging: ReadonlyMap<string, XYPosition>;
  /** What is noted on each step, and its heatmap level when the heatmap is on; objects kept stable while unchanged. */
  readonly badges: ReadonlyMap<StepId, StepBadges>;
  readonly heat: ReadonlyMap<StepId, StepHeat> | null;
  /** For the author shown on sticky notes; optional where there are none (comparison). */
  readonly participants?: readonly Participant[];
}

export function projectNodes(input: ProjectionInput, cache: ProjectionCache<FlowNode>): FlowNode[] {
  const { layout, selection, editingStepId, dragging, model, badges, heat } = input;
  const nodes: FlowNode[] = [];
  const used = new Set<string>();
  for (const box of layout.lanes) {
    const id = box.lane.id;
    used.add(id);
    const selected = selection.has(id);
    nodes.push(
      cache.get(id, [box.lane, box.y, box.height, layout.width, selected], () => ({
        id,
        type: 'lane',
        position: { x: 0, y: box.y },
        width: layout.width,
        height: box.height,
        // Sizes are known, so React Flow need not measure (and re-measure on every drag frame).
        measured: { width: layout.width, height: box.height },
        data: { lane: box.lane, label: box.lane.name },
        selected,
        dragHandle: '.lane-grip',
        zIndex: 0,
        focusable: false,
      })),
    );
  }
  for (const step of model.steps.values()) {
    if (!layout.byId.has(step.laneId)) continue;
    const id = step.id;
    used.add(id);
    const selected = selection.has(id);
    const editing = editingStepId === id;
    const position = dragging.get(id) ?? step.position;
    const stepBadges = badges.get(step.id) ?? null;
    const stepHeat = heat?.get(step.id) ?? null;
    nodes.push(
      cache.get(id, [step, selected, editing, position, stepBadges, stepHeat], () => {
        const size = stepSize(step.type);
        return {
          id,
          type: 'step',
          parentId: step.laneId,
          position,
          width: size.width,
          height: size.height,
          measured: { width: size.width, height: size.height },
          data: { step, editing, badges: stepBadges, heat: stepHeat },
          selected,
          zIndex: 1,
          ariaLabel: step.label,
        };
      }),
    );
  }
  // The editor loads only this map's notes.
  for (const note of model.stickyNotes.values()) {
    // A converted note is kept for traceability but no longer on the canvas.
    if (note.convertedTo !== null) continue;
    const id = note.id;
    used.add(id);
    const selected = selection.has(id);
    const editing = editingStepId === id;
    const position = dragging.get(id) ?? note.position;
    const author = input.participants?.find((participant) => participant.id === note.authorId)?.name ?? null;
    nodes.push(
      cache.get(id, [note, selected, editing, position, author], () => ({
        id,
        type: 'sticky',
        position,
        width: STICKY_NOTE_SIZE.width,
        height: STICKY_NOTE_SIZE.height,
        measured: STICKY_NOTE_SIZE,
        data: { note, editing, author },
        selected,
        zIndex: 2,
        ariaLabel: note.text,
      })),
    );
  }
  cache.retain(used);
  return nodes;
}

export function projectEdges(input: ProjectionInput, cache: ProjectionCache<FlowEdge>): FlowEdge[] {
  const { model, layout, selection } = input;
  const edges: FlowEdge[] = [];
  const used = new Set<string>();
  for (const connection of model.connections.values()) {
    const source = model.steps.get(connection.sourceStepId);
    const target = model.steps.get(connection.targetStepId);
    if (!source || !target) continue;
    used.add(connection.id);
    const sides = connectionSides(source, target, layout);
    const selected = selection.has(connection.id);
    edges.push(
      cache.get(connection.id, [connection, sides.from, sides.to, selected], () => ({
        id: connection.id,
        source: source.id,
        target: target.id,
        sourceHandle: sides.from,
        targetHandle: sides.to,
        type: 'smoothstep',
        label: connection.label || undefined,
        data: { connection },
        selected,
        className: `flow-edge flow-edge-${connection.kind}`,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
        style: connection.kind === 'data' ? { strokeDasharray: '6 4' } : undefined,
        labelBgPadding: [6, 3] as [number, number],
        labelBgBorderRadius: 4,
        zIndex: 1,
      })),
    );
  }
  cache.retain(used);
  return edges;
}

