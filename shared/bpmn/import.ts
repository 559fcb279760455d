import { BpmnModdle, type BpmnReadError, type BpmnReadResult, type BpmnReadWarning } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import type {
  BpmnActivity,
  BpmnAssociation,
  BpmnBaseElement,
  BpmnBoundaryEvent,
  BpmnCallActivity,
  BpmnCollaboration,
  BpmnDataAssociation,
  BpmnDataObjectReference,
  BpmnDefinitions,
  BpmnFlowElement,
  BpmnFormalExpression,
  BpmnLane,
  BpmnLaneSet,
  BpmnMessageFlow,
  BpmnParticipant,
  BpmnProcess,
  BpmnSequenceFlow,
  BpmnSubProcess,
  BpmnTextAnnotation,
  BpmndiBPMNShape,
} from 'bpmn-moddle/types';
import { GRID, LANE_HEADER_WIDTH, LANE_PADDING, STEP_GAP, stepSize, type Box } from '../editor/geometry';
import { LANE_COLORS } from '../editor/lanes';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, normaliseName } from '../model/common';
import { newId, type LaneId, type MapId, type WorkshopId } from '../model/ids';
import type { Connection, ConnectionKind, Lane, LaneKind, Step, StepType } from '../model/map';
import { problemsFromZod, type Problem, type Result } from '../model/problems';
import { recordSchemas } from '../model/records';
import type { Language } from '../platform/bridge';
import { centre, POOL_HEADER_WIDTH, type Point } from './diagram';
import {
  BPMN_MODEL_NAMESPACE,
  collapsedActivityTypes,
  laneMarkerSchema,
  readDocumentation,
  readMarker,
  stepMarkerSchema,
  stepTypeOfBpmn,
} from './mapping';

export interface BpmnImportOptions {
  readonly workshopId: WorkshopId;
  /** The map the records go into; a new id when omitted. */
  readonly mapId?: MapId;
  /** Overrides the name read from the file. */
  readonly processName?: string;
  /** Language of the names given to what the file leaves unnamed. */
  readonly lang: Language;
}

/** A BPMN element the import did not turn into a lane, step or connection, and why. */
export interface UnmappedElement {
  readonly elementId: string;
  /** BPMN element name without prefix, e.g. `boundaryEvent`. */
  readonly type: string;
  readonly name: string;
  readonly reason: string;
}

export interface ImportedMap {
  readonly mapId: MapId;
  readonly processName: string;
  readonly lanes: Lane[];
  readonly steps: Step[];
  readonly connections: Connection[];
  readonly unmapped: UnmappedElement[];
  /** Things that were imported, but not exactly as drawn. */
  readonly warnings: string[];
}

const fallbackNames = {
  ja: { process: '取り込んだプロセス', lane: (n: number) => `レーン${n}` },
  en: { process: 'Imported process', lane: (n: number) => `Lane ${n}` },
} satisfies Record<Language, unknown>;

/**
 * Reads a BPMN 2.0 file (Camunda Modeler, bpmn.io, Signavio, Kakehashi) as the records of an
 * As-Is map. Every pool becomes one lane per lane it has (one lane when it has none); flow nodes
 * become steps placed where the diagram draws them; sequence flows, data associations and
 * message flows between steps become connections. What has no Kakehashi counterpart is listed
 * in `unmapped`. A file that is not well-formed BPMN 2.0 is refused with the place of each problem.
 */
export async function bpmnToMap(xml: string, options: BpmnImportOptions): Promise<Result<ImportedMap>> {
  if (xml.trim().length === 0) return refuse('(file)', 'The file is empty.');
  let read: BpmnReadResult;
  try {
    read = await new BpmnModdle().fromXML(xml);
  } catch (error) {
    return { ok: false, problems: [readProblem(error as BpmnReadError)] };
  }
  if (read.warnings.length > 0) return { ok: false, problems: read.warnings.map(warningProblem) };
  const imported = importDefinitions(read.rootElement as ModdleElement<BpmnDefinitions>, options);
  return 'problems' in imported ? { ok: false, problems: imported.problems } : { ok: true, value: imported };
}

// ---------------------------------------------------------------- reading problems

const refuse = (path: string, message: string): { ok: false; problems: Problem[] } => ({ ok: false, problems: [{ path, message }] });

/** moddle-xml reports 0-based `line: n column: m` in its messages; people count from 1. */
function location(message: string): string {
  const found = /line: (\d+)\s+column: (\d+)/.exec(message);
  return found ? `line ${Number(found[1]) + 1}, column ${Number(found[2]) + 1}` : '(file)';
}

const nestedError = (message: string): string | undefined => /nested error: ([^\n]+)/.exec(message)?.[1];

function readProblem(error: BpmnReadError): Problem {
  const rootWarning = error.warnings?.[0];
  const foreignRoot = rootWarning && /unexpected element <([^>]+)>/.exec(rootWarning.message)?.[1];
  if (rootWarning && foreignRoot) {
    return {
      path: location(rootWarning.message),
      message: `Not a BPMN 2.0 file: its root element is <${foreignRoot}>; a BPMN file has <definitions> of the namespace ${BPMN_MODEL_NAMESPACE}.`,
    };
  }
  const message = String(error.message);
  return {
    path: location(message),
    message: `Not well-formed XML (${nestedError(message) ?? message}); the file may be cut off or not XML at all.`,
  };
}

function warningProblem(warning: BpmnReadWarning): Problem {
  const nested = nestedError(warning.message);
  if (nested) return { path: location(warning.message), message: `Not valid BPMN 2.0: ${nested}.` };
  const path = warning.element ? elementPath(warning.element) : location(warning.message);
  const property = warning.property ? ` (${warning.property})` : '';
  return { path, message: `Not valid BPMN 2.0: ${warning.message.split('\n')[0]}${property}.` };
}

/** `bpmn:SequenceFlow` → `sequenceFlow`, `bpmndi:BPMNShape` → `BPMNShape`: as the element is written. */
function tagName(element: ModdleElement): string {
  const local = element.$type.replace(/^[^:]*:/, '');
  return /^[A-Z][A-Z]/.test(local) ? local : local.charAt(0).toLowerCase() + local.slice(1);
}

/** `definitions/process[Process_1]/task[Task_3]`. */
function elementPath(element: ModdleElement): string {
  const parts: string[] = [];
  for (let current: ModdleElement | undefined = element; current; current = current.$parent as ModdleElement | undefined) {
    const id = (current as ModdleElement<BpmnBaseElement>).id;
    parts.unshift(id && current.$type !== 'bpmn:Definitions' ? `${tagName(current)}[${id}]` : tagName(current));
  }
  return parts.join('/');
}

// ---------------------------------------------------------------- model → records

interface Pool {
  readonly participant?: ModdleElement<BpmnParticipant>;
  readonly process?: ModdleElement<BpmnProcess>;
}

interface LaneDraft {
  readonly lane: Lane;
  readonly pool: Pool;
  /** The lane's (or pool's) drawn box, when the file has one. */
  readonly box?: Box;
}

interface StepDraft {
  readonly element: ModdleElement<BpmnFlowElement>;
  readonly step: Step;
}

const is = <T>(element: ModdleElement | undefined, type: string): element is ModdleElement<T> => element?.$instanceOf(type) ?? false;

function importDefinitions(definitions: ModdleElement<BpmnDefinitions>, options: BpmnImportOptions): ImportedMap | { problems: Problem[] } {
  const names = fallbackNames[options.lang];
  const mapId = options.mapId ?? newId('map');
  const workshopId = options.workshopId;
  const unmapped: UnmappedElement[] = [];
  const warnings: string[] = [];
  const unmap = (element: ModdleElement, reason: string) =>
    unmapped.push({ elementId: (element as ModdleElement<BpmnBaseElement>).id ?? '', type: tagName(element), name: nameOf(element), reason });

  const rootElements = definitions.rootElements ?? [];
  const collaborations = rootElements.filter((element) => is<BpmnCollaboration>(element, 'bpmn:Collaboration'));
  const processes = rootElements.filter((element) => is<BpmnProcess>(element, 'bpmn:Process'));
  const participants = collaborations.flatMap((collaboration) => collaboration.participants ?? []);
  const shapes = diagramShapes(definitions);
  const boxOf = (element: ModdleElement | undefined): Box | undefined => (element ? shapes.get(element)?.bounds : undefined);
  const byTop = <T>(items: readonly T[], element: (item: T) => ModdleElement | undefined) =>
    [...items].sort((a, b) => (boxOf(element(a))?.y ?? 0) - (boxOf(element(b))?.y ?? 0));

  // Multiple pools: every pool's process is imported, each pool's lanes in turn, top to bottom.
  const pools: Pool[] = byTop(
    [
      ...participants.map((participant): Pool => ({ participant, ...(participant.processRef ? { process: participant.processRef } : {}) })),
      ...processes.filter((process) => !participants.some((p) => p.processRef === process)).map((process): Pool => ({ process })),
    ],
    (pool) => pool.participant,
  );
  if (!pools.some((pool) => pool.process)) return { problems: [{ path: 'definitions', message: 'The file has no process to import.' }] };
  if ([...shapes.values()].some((shape) => shape.isHorizontal === false)) {
    warnings.push('The file draws pools or lanes vertically; they were imported as horizontal lanes, so the layout may need tidying.');
  }

  // ------------------------------------------------ lanes
  const laneDrafts: LaneDraft[] = [];
  const laneOfNode = new Map<ModdleElement, LaneDraft>();
  const addLane = (pool: Pool, name: string, laneElement?: ModdleElement<BpmnLane>) => {
    const marker = laneElement ? readMarker(laneElement, laneMarkerSchema) : undefined;
    if (marker === 'invalid') warnings.push(`Lane "${name}" carries Kakehashi attributes that could not be read; they were left out.`);
    const known = marker === 'invalid' ? undefined : marker;
    const kind: LaneKind = known?.kind ?? (pool.process ? 'department' : 'external');
    const poolBox = boxOf(pool.participant);
    const box = laneElement
      ? boxOf(laneElement)
      : poolBox && { ...poolBox, x: poolBox.x + POOL_HEADER_WIDTH, width: poolBox.width - POOL_HEADER_WIDTH };
    const draft: LaneDraft = {
      lane: {
        id: newId('lane'),
        workshopId,
        mapId,
        name: clip(name, MAX_NAME_LENGTH) || names.lane(laneDrafts.length + 1),
        kind,
        color: known?.color ?? LANE_COLORS[laneDrafts.length % LANE_COLORS.length] ?? '#7f8a99',
        order: laneDrafts.length + 1,
      },
      pool,
      ...(box ? { box } : {}),
    };
    laneDrafts.push(draft);
    for (const node of laneElement?.flowNodeRef ?? []) laneOfNode.set(node, draft);
  };
  const addLanes = (pool: Pool, laneSets: readonly ModdleElement<BpmnLaneSet>[], prefix: string) => {
    for (const lane of byTop(laneSets.flatMap((set) => set.lanes ?? []), (lane) => lane)) {
      const name = prefix + readName(lane.name);
      const children = lane.childLaneSet?.lanes ?? [];
      if (children.length === 0) {
        addLane(pool, name, lane);
        continue;
      }
      warnings.push(`Lane "${name}" has sub-lanes; each became a lane of its own, named "${name} / …".`);
      addLanes(pool, [lane.childLaneSet!], `${name} / `);
    }
  };
  // Lanes say which pool they are in only when several pools have a process; a black-box pool
  // (a party drawn only to receive messages) is a lane of its own and needs no such prefix.
  const poolsWithProcess = pools.filter((pool) => pool.process).length;
  for (const pool of pools) {
    const poolName = readName(pool.participant?.name ?? pool.process?.name);
    const laneSets = pool.process?.laneSets ?? [];
    if (laneSets.some((set) => (set.lanes ?? []).length > 0)) addLanes(pool, laneSets, poolsWithProcess > 1 && poolName ? `${poolName} / ` : '');
    else addLane(pool, poolName);
  }

  // ------------------------------------------------ steps
  const drafts: StepDraft[] = [];
  const stepOf = new Map<ModdleElement, Step>();
  const flows: ModdleElement<BpmnSequenceFlow>[] = [];
  const artifacts: ModdleElement<BpmnBaseElement>[] = collaborations.flatMap((collaboration) => collaboration.artifacts ?? []);
  let parallelGateways = 0;
  const laneFor = (pool: Pool, element: ModdleElement): LaneDraft => {
    const own = laneOfNode.get(element);
    if (own) return own;
    // Data objects are in no lane by definition, and some tools leave flow nodes out too: use where it is drawn.
    const poolLanes = laneDrafts.filter((draft) => draft.pool === pool);
    const box = boxOf(element);
    const middle = box && centre(box);
    const drawnIn = middle && poolLanes.find((draft) => draft.box && middle.y >= draft.box.y && middle.y < draft.box.y + draft.box.height);
    return drawnIn ?? poolLanes[0]!;
  };
  for (const pool of pools) {
    const elements = pool.process?.flowElements ?? [];
    const referencedData = new Set(
      elements.flatMap((element) => (is<BpmnDataObjectReference>(element, 'bpmn:DataObjectReference') && element.dataObjectRef) || []),
    );
    artifacts.push(...(pool.process?.artifacts ?? []));
    for (const element of elements) {
      if (is<BpmnSequenceFlow>(element, 'bpmn:SequenceFlow')) {
        flows.push(element);
        continue;
      }
      // A data object is drawn through its references, which become the steps.
      if (element.$type === 'bpmn:DataObject' && referencedData.has(element)) continue;
      const type = stepTypeOfBpmn[element.$type];
      if (!type) {
        unmap(element, unmappedReason(element));
        continue;
      }
      if (element.$type === 'bpmn:ParallelGateway') parallelGateways += 1;
      if (collapsedActivityTypes.has(element.$type)) unmap(element, collapsedReason(element));
      const step = newStep(element, type, laneFor(pool, element).lane.id, { workshopId, mapId }, warnings);
      drafts.push({ element, step });
      stepOf.set(element, step);
    }
  }
  if (parallelGateways > 0) {
    warnings.push(
      `${parallelGateways} parallel gateway(s) became decisions: Kakehashi has no parallel split, so read their branches as "all of these".`,
    );
  }
  placeSteps(drafts, laneDrafts, boxOf, warnings);

  // ------------------------------------------------ connections
  const connections: Connection[] = [];
  const connect = (kind: ConnectionKind, source: Step, target: Step, label: string) =>
    connections.push({
      id: newId('connection'),
      workshopId,
      mapId,
      kind,
      sourceStepId: source.id,
      targetStepId: target.id,
      label: clip(label, MAX_NAME_LENGTH),
    });
  const ends = (element: ModdleElement, source: ModdleElement | undefined, target: ModdleElement | undefined) => {
    const from = source && stepOf.get(source);
    const to = target && stepOf.get(target);
    if (from && to) return { from, to };
    const missing = from ? target : source;
    const end = from ? 'target' : 'source';
    unmap(element, missing ? `its ${end}, ${mention(missing)}, was not imported` : `it has no ${end}`);
    return undefined;
  };

  for (const flow of flows) {
    const found = ends(flow, flow.sourceRef, flow.targetRef);
    const condition = (flow.conditionExpression as ModdleElement<BpmnFormalExpression> | undefined)?.body ?? '';
    if (found) connect('sequence', found.from, found.to, readName(flow.name) || readName(condition));
  }
  // Tasks and events keep their data associations; an input's target is the task itself.
  for (const { element } of drafts) {
    const { dataInputAssociations = [], dataOutputAssociations = [] } = element as ModdleElement<BpmnActivity>;
    for (const association of dataInputAssociations as ModdleElement<BpmnDataAssociation>[]) {
      for (const source of association.sourceRef?.length ? association.sourceRef : [undefined]) {
        const found = ends(association, source, element);
        if (found) connect('data', found.from, found.to, readDocumentation(association));
      }
    }
    for (const association of dataOutputAssociations as ModdleElement<BpmnDataAssociation>[]) {
      const found = ends(association, element, association.targetRef);
      if (found) connect('data', found.from, found.to, readDocumentation(association));
    }
  }

  // Text annotations attached to a step become part of its notes; others are listed.
  const attachedTo = new Map<ModdleElement, ModdleElement[]>();
  for (const artifact of artifacts) {
    if (!is<BpmnAssociation>(artifact, 'bpmn:Association')) continue;
    const { sourceRef: source, targetRef: target } = artifact;
    const annotation = [source, target].find((end) => is<BpmnTextAnnotation>(end, 'bpmn:TextAnnotation'));
    const other = annotation === source ? target : source;
    if (annotation && other) {
      attachedTo.set(annotation, [...(attachedTo.get(annotation) ?? []), other]);
      continue;
    }
    const found = ends(artifact, source, target);
    if (found) connect('data', found.from, found.to, readDocumentation(artifact));
  }
  for (const artifact of artifacts) {
    if (is<BpmnAssociation>(artifact, 'bpmn:Association')) continue;
    if (!is<BpmnTextAnnotation>(artifact, 'bpmn:TextAnnotation')) {
      unmap(artifact, unmappedReason(artifact));
      continue;
    }
    const targets = attachedTo.get(artifact) ?? [];
    const steps = targets.flatMap((target) => stepOf.get(target) ?? []);
    for (const step of steps) step.notes = clip([step.notes, (artifact.text ?? '').trim()].filter(Boolean).join('\n\n'), MAX_TEXT_LENGTH, true);
    if (steps.length === 0) {
      const target = targets[0];
      unmap(artifact, target ? `attached to ${mention(target)}; Kakehashi keeps notes on steps only` : 'not attached to a step');
    }
  }

  let messageFlowsImported = 0;
  for (const messageFlow of collaborations.flatMap((collaboration) => collaboration.messageFlows ?? []) as ModdleElement<BpmnMessageFlow>[]) {
    const source = messageFlow.sourceRef as ModdleElement | undefined;
    const target = messageFlow.targetRef as ModdleElement | undefined;
    if (!(source && stepOf.has(source) && target && stepOf.has(target))) {
      unmap(messageFlow, 'it does not join two imported steps: an end is a pool or an element that was not imported');
      continue;
    }
    connect('sequence', stepOf.get(source)!, stepOf.get(target)!, readName(messageFlow.name));
    messageFlowsImported += 1;
  }
  if (messageFlowsImported > 0) warnings.push(`${messageFlowsImported} message flow(s) between pools became sequence connections.`);

  const processName =
    [options.processName, ...pools.map((pool) => pool.process?.name), ...pools.map((pool) => pool.participant?.name), definitions.name]
      .map((name) => clip(readName(name), MAX_NAME_LENGTH))
      .find((name) => name.length > 0) ?? names.process;
  const lanes = laneDrafts.map((draft) => draft.lane);
  const steps = drafts.map((draft) => draft.step);
  const problems = validate({ lanes, steps, connections });
  if (problems.length > 0) return { problems };
  return { mapId, processName, lanes, steps, connections, unmapped, warnings };
}

/** Modellers break long labels with newlines; between Japanese characters a break is not a space. */
const JAPANESE_LINE_BREAK = /(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])/g;

const readName = (raw: unknown): string => normaliseName(typeof raw === 'string' ? raw.replace(JAPANESE_LINE_BREAK, '') : '');

const nameOf = (element: ModdleElement): string => readName((element as { name?: unknown }).name);

/** `boundaryEvent "3日経過"`, for reasons that point at another element. */
const mention = (element: ModdleElement): string => `${tagName(element)} "${nameOf(element) || String(element.id ?? '')}"`;

/** Cuts text to what the schema accepts; `keepLines` for notes, where line breaks matter. */
function clip(text: string, max: number, keepLines = false): string {
  const value = keepLines ? text : text.trim();
  return value.length > max ? value.slice(0, max) : value;
}

const unmappedReasons: Readonly<Record<string, string>> = {
  'bpmn:Group': 'a group; Kakehashi maps have no groups',
  'bpmn:DataObject': 'a data object that is not drawn on the diagram',
};

function unmappedReason(element: ModdleElement): string {
  if (is<BpmnBoundaryEvent>(element, 'bpmn:BoundaryEvent')) {
    const host = element.attachedToRef;
    const on = host ? ` to "${nameOf(host) || host.id}"` : '';
    return `an event attached${on}; Kakehashi steps have no attached events (note it as an exception of that step)`;
  }
  return unmappedReasons[element.$type] ?? `Kakehashi has nothing like a ${tagName(element)}`;
}

function collapsedReason(element: ModdleElement): string {
  if (is<BpmnCallActivity>(element, 'bpmn:CallActivity')) {
    return `imported as one step; the process it calls${element.calledElement ? ` (${element.calledElement})` : ''} is not imported`;
  }
  const inner = (element as ModdleElement<BpmnSubProcess>).flowElements?.length ?? 0;
  return `imported as one step; the ${inner} element(s) inside it are not imported`;
}

function newStep(
  element: ModdleElement<BpmnFlowElement>,
  typeByElement: StepType,
  laneId: LaneId,
  ids: { workshopId: WorkshopId; mapId: MapId },
  warnings: string[],
): Step {
  const read = readMarker(element, stepMarkerSchema);
  if (read === 'invalid') warnings.push(`Step "${nameOf(element)}" carries Kakehashi attributes that could not be read; they were left out.`);
  const marker = read === 'invalid' ? undefined : read;
  return {
    id: newId('step'),
    ...ids,
    laneId,
    type: marker?.type ?? typeByElement,
    label: clip(nameOf(element), 500),
    position: { x: 0, y: 0 },
    originStepId: null,
    performers: (marker?.roles ?? []).map((role) => ({ kind: 'role' as const, role })),
    system: marker?.system ?? '',
    tools: marker?.tools ?? [],
    frequency: marker?.frequency ?? null,
    volume: marker?.volume ?? '',
    touchMinutes: marker?.touchMinutes ?? null,
    waitMinutes: marker?.waitMinutes ?? null,
    inputs: marker?.inputs ?? [],
    outputs: marker?.outputs ?? [],
    notes: clip(readDocumentation(element), MAX_TEXT_LENGTH, true),
  };
}

interface DrawnShape {
  readonly bounds: Box;
  readonly isHorizontal?: boolean;
}

/** The shapes of every diagram in the file, by the element they draw. */
function diagramShapes(definitions: ModdleElement<BpmnDefinitions>): Map<ModdleElement, DrawnShape> {
  const shapes = new Map<ModdleElement, DrawnShape>();
  for (const diagram of definitions.diagrams ?? []) {
    for (const element of diagram.plane?.planeElement ?? []) {
      if (!is<BpmndiBPMNShape>(element, 'bpmndi:BPMNShape') || !element.bpmnElement || !element.bounds) continue;
      const { x = 0, y = 0, width = 0, height = 0 } = element.bounds;
      shapes.set(element.bpmnElement, {
        bounds: { x, y, width, height },
        ...(element.isHorizontal === undefined ? {} : { isHorizontal: element.isHorizontal }),
      });
    }
  }
  return shapes;
}

/**
 * Puts each step where the diagram draws it, relative to its lane, keeping shapes' centres. BPMN
 * tools draw tasks narrower than Kakehashi (100 against 160), so the layout is stretched
 * sideways until tasks fit; a Kakehashi export, drawn at Kakehashi's sizes, keeps its positions.
 * Steps the diagram does not draw go one after another at the end of their lane.
 */
function placeSteps(
  drafts: readonly StepDraft[],
  lanes: readonly LaneDraft[],
  boxOf: (element: ModdleElement) => Box | undefined,
  warnings: string[],
): void {
  const stretch = Math.max(
    1,
    ...drafts.flatMap(({ element, step }) => {
      const box = boxOf(element);
      return box && box.width > 0 && element.$instanceOf('bpmn:Activity') ? [stepSize(step.type).width / box.width] : [];
    }),
  );
  // A lane without a drawn box (a process without pool or lanes) starts where its shapes start.
  const origins = new Map<LaneId, Point>();
  for (const draft of lanes) {
    const boxes = drafts.filter(({ step }) => step.laneId === draft.lane.id).flatMap(({ element }) => boxOf(element) ?? []);
    const origin =
      draft.box ??
      (boxes.length > 0 ? { x: Math.min(...boxes.map((b) => b.x)), y: Math.min(...boxes.map((b) => b.y)) - LANE_PADDING } : undefined);
    if (origin) origins.set(draft.lane.id, { x: origin.x, y: origin.y });
  }
  const undrawn: Step[] = [];
  for (const { element, step } of drafts) {
    const box = boxOf(element);
    const origin = origins.get(step.laneId);
    if (!box || !origin) {
      undrawn.push(step);
      continue;
    }
    const size = stepSize(step.type);
    const middle = centre(box);
    step.position = { x: (middle.x - origin.x) * stretch - size.width / 2, y: middle.y - origin.y - size.height / 2 };
  }
  const drawn = drafts.map(({ step }) => step).filter((step) => !undrawn.includes(step));
  // Clear of the lane header; one shift for all, so steps above one another stay so.
  const minX = LANE_HEADER_WIDTH + GRID;
  const shift = Math.max(0, ...drawn.map((step) => minX - step.position.x));
  const laneRight = new Map<LaneId, number>();
  for (const step of drawn) {
    step.position = { x: Math.round(step.position.x + shift), y: Math.round(Math.max(GRID, step.position.y)) };
    laneRight.set(step.laneId, Math.max(laneRight.get(step.laneId) ?? 0, step.position.x + stepSize(step.type).width));
  }
  for (const step of undrawn) {
    const x = Math.max(minX, (laneRight.get(step.laneId) ?? 0) + STEP_GAP);
    step.position = { x, y: LANE_PADDING };
    laneRight.set(step.laneId, x + stepSize(step.type).width);
  }
  if (undrawn.length > 0) {
    warnings.push(`${undrawn.length} step(s) have no place in the file's diagram; they were put one after another at the end of their lane.`);
  }
}

function validate(records: { lanes: readonly Lane[]; steps: readonly Step[]; connections: readonly Connection[] }): Problem[] {
  const problems: Problem[] = [];
  for (const table of ['lanes', 'steps', 'connections'] as const) {
    records[table].forEach((record, index) => {
      const parsed = recordSchemas[table].safeParse(record);
      if (!parsed.success) problems.push(...problemsFromZod(parsed.error, [table, index]));
    });
  }
  return problems;
}
