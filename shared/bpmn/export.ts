import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import type {
  BpmnActivity,
  BpmnAssociation,
  BpmnBaseElement,
  BpmnCollaboration,
  BpmnDataInputAssociation,
  BpmnDataObject,
  BpmnDataOutputAssociation,
  BpmnDefinitions,
  BpmnDocumentation,
  BpmnFlowElement,
  BpmnFlowNode,
  BpmnItemAwareElement,
  BpmnLane,
  BpmnLaneSet,
  BpmnParticipant,
  BpmnProcess,
  BpmnProperty,
  BpmnSequenceFlow,
  BpmnTextAnnotation,
  BpmndiBPMNDiagram,
  BpmndiBPMNEdge,
  BpmndiBPMNPlane,
  BpmndiBPMNShape,
  DcBounds,
  DcPoint,
} from 'bpmn-moddle/types';
import { LANE_HEADER_WIDTH, layoutLanes, sortLanes, stepBox, type Box, type Size } from '../editor/geometry';
import type { ExceptionCase, PainPoint } from '../model/annotations';
import type { WorkshopDocument } from '../model/document';
import type { MapId, StepId } from '../model/ids';
import type { Connection, MapVariant, Step } from '../model/map';
import type { Language } from '../platform/bridge';
import {
  centre,
  centredIn,
  midpoint,
  PLANE_MARGIN,
  placeAnnotations,
  POOL_HEADER_WIDTH,
  route,
  type Point,
} from './diagram';
import {
  bpmnTypeOfDataStep,
  bpmnTypeOfStep,
  KAKEHASHI_TEXT_FORMAT,
  type DataStepType,
  type LaneMarker,
  type StepMarker,
} from './mapping';

export interface BpmnExportOptions {
  /** Language of the texts the export adds: the pool's As-Is/To-Be suffix and the annotations' headings. */
  readonly lang: Language;
}

const words = {
  ja: {
    pool: (name: string, variant: MapVariant) => `${name}（${variant === 'asIs' ? 'As-Is' : 'To-Be'}）`,
    painPoint: (severity: number) => `困りごと（深刻度 ${severity}）`,
    exception: '例外',
    currentHandling: '現在の対応',
    aboutLane: (lane: string) => `レーン「${lane}」について`,
    aboutConnection: (from: string, to: string) => `「${from}」→「${to}」のデータについて`,
    aboutMap: 'マップ全体について',
  },
  en: {
    pool: (name: string, variant: MapVariant) => `${name} (${variant === 'asIs' ? 'As-Is' : 'To-Be'})`,
    painPoint: (severity: number) => `Pain point (severity ${severity})`,
    exception: 'Exception',
    currentHandling: 'Current handling',
    aboutLane: (lane: string) => `About lane "${lane}"`,
    aboutConnection: (from: string, to: string) => `About the data from "${from}" to "${to}"`,
    aboutMap: 'About the whole map',
  },
} satisfies Record<Language, unknown>;

/** A Kakehashi id (`step:abc`) as an XML id: a colon is not allowed in an NCName. Stable across exports. */
const bpmnId = (id: string): string => id.replace(':', '_');

/** bpmn-js draws data objects and stores at BPMN's fixed size whatever their bounds say. */
const DATA_SHAPE_SIZE: Readonly<Record<DataStepType, Size>> = {
  document: { width: 36, height: 50 },
  master: { width: 50, height: 50 },
};

/** What an annotation is attached to: a step's element, a sequence flow, or nothing (lane or map). */
type AnnotationAnchor = { readonly step: Step } | { readonly flow: Connection } | { readonly x: number };

interface Annotation {
  readonly id: string;
  readonly text: string;
  readonly anchor: AnnotationAnchor;
}

/**
 * One map as a BPMN 2.0 file that opens with its layout in Camunda Modeler and bpmn.io: a
 * collaboration with one participant (the pool) whose process has one lane per Kakehashi lane,
 * and complete DI computed from the editor's geometry. Throws when the document has no such map.
 */
export async function mapToBpmn(document: WorkshopDocument, mapId: MapId, options: BpmnExportOptions): Promise<string> {
  const map = document.maps.find((candidate) => candidate.id === mapId);
  const process = map && document.processes.find((candidate) => candidate.id === map.processId);
  if (!map || !process) throw new Error(`The workshop has no map ${mapId}.`);
  const text = words[options.lang];
  const moddle = new BpmnModdle();
  const key = bpmnId(mapId);

  const lanes = sortLanes(document.lanes.filter((lane) => lane.mapId === mapId));
  const steps = document.steps.filter((step) => step.mapId === mapId);
  const connections = document.connections.filter((connection) => connection.mapId === mapId);
  const stepsById = new Map(steps.map((step) => [step.id, step]));
  const layout = layoutLanes(lanes, steps);
  const onFlow = new Set(
    connections.filter((connection) => connection.kind === 'sequence').flatMap((c) => [c.sourceStepId, c.targetStepId]),
  );
  const dataTypeOf = (step: Step): DataStepType | undefined =>
    (step.type === 'document' || step.type === 'master') && !onFlow.has(step.id) ? step.type : undefined;

  // ------------------------------------------------ geometry, in map coordinates (lanes start at x 0, y 0)

  const boundsOf = (step: Step): Box => {
    const dataType = dataTypeOf(step);
    const box = stepBox(step, layout);
    return dataType ? centredIn(box, DATA_SHAPE_SIZE[dataType]) : box;
  };
  const connectionPoints = (connection: Connection): Point[] => {
    const source = stepsById.get(connection.sourceStepId);
    const target = stepsById.get(connection.targetStepId);
    return source && target ? route(boundsOf(source), boundsOf(target)) : [];
  };

  const annotations = collectAnnotations(document, { steps, connections, lanes, mapId }, text);
  const anchorX = (anchor: AnnotationAnchor): number =>
    'step' in anchor ? centre(boundsOf(anchor.step)).x : 'flow' in anchor ? midpoint(connectionPoints(anchor.flow)).x : anchor.x;
  const { boxes: annotationBoxes, bandHeight } = placeAnnotations(annotations.map((a) => anchorX(a.anchor)), LANE_HEADER_WIDTH);
  // The pool sits below the annotations; its header band is left of the lanes.
  const offset: Point = { x: PLANE_MARGIN + POOL_HEADER_WIDTH, y: PLANE_MARGIN + bandHeight };

  // Pool and lanes come first in the plane, so that tools drawing in plane order put them under the nodes.
  const containerShapes: ModdleElement[] = [];
  const nodeShapes: ModdleElement[] = [];
  const edges: ModdleElement[] = [];
  const addShape = (element: ModdleElement<BpmnBaseElement>, box: Box, flags: Partial<BpmndiBPMNShape> = {}, to = nodeShapes) =>
    to.push(
      moddle.create<BpmndiBPMNShape>('bpmndi:BPMNShape', {
        id: `${element.id}_di`,
        bpmnElement: element,
        bounds: moddle.create<DcBounds>('dc:Bounds', { x: box.x + offset.x, y: box.y + offset.y, width: box.width, height: box.height }),
        ...flags,
      }),
    );
  const addEdge = (element: ModdleElement<BpmnBaseElement>, points: readonly Point[]) =>
    edges.push(
      moddle.create<BpmndiBPMNEdge>('bpmndi:BPMNEdge', {
        id: `${element.id}_di`,
        bpmnElement: element,
        waypoint: points.map((point) => moddle.create<DcPoint>('dc:Point', { x: point.x + offset.x, y: point.y + offset.y })),
      }),
    );

  // ------------------------------------------------ semantic model

  const documentation = (notes: string, marker: StepMarker | LaneMarker): ModdleElement<BpmnDocumentation>[] => [
    ...(notes.trim().length > 0 ? [moddle.create<BpmnDocumentation>('bpmn:Documentation', { text: notes })] : []),
    moddle.create<BpmnDocumentation>('bpmn:Documentation', { text: JSON.stringify(marker), textFormat: KAKEHASHI_TEXT_FORMAT }),
  ];
  const participantNames = new Map(document.workshop.participants.map((participant) => [participant.id, participant.name]));
  const stepMarker = (step: Step): StepMarker => ({
    type: step.type,
    system: step.system,
    tools: step.tools,
    frequency: step.frequency,
    volume: step.volume,
    touchMinutes: step.touchMinutes,
    waitMinutes: step.waitMinutes,
    inputs: step.inputs,
    outputs: step.outputs,
    roles: step.performers.flatMap((performer) => {
      const role = performer.kind === 'role' ? performer.role : participantNames.get(performer.participantId);
      return role ? [role] : [];
    }),
  });

  const flowElements: ModdleElement<BpmnFlowElement>[] = [];
  const artifacts: ModdleElement<BpmnBaseElement>[] = [];
  const elementOf = new Map<StepId, ModdleElement<BpmnFlowElement>>();
  for (const step of steps) {
    const dataType = dataTypeOf(step);
    const attributes = {
      id: bpmnId(step.id),
      ...(step.label.trim().length > 0 ? { name: step.label } : {}),
      documentation: documentation(step.notes, stepMarker(step)),
    };
    let element: ModdleElement<BpmnFlowElement>;
    if (dataType === 'document') {
      const dataObject = moddle.create<BpmnDataObject>('bpmn:DataObject', { id: `DataObject_${attributes.id}` });
      flowElements.push(dataObject);
      element = moddle.create(bpmnTypeOfDataStep.document, { ...attributes, dataObjectRef: dataObject });
    } else {
      element = moddle.create(dataType ? bpmnTypeOfDataStep[dataType] : bpmnTypeOfStep[step.type], attributes);
    }
    flowElements.push(element);
    elementOf.set(step.id, element);
    // bpmn-js draws the X in an exclusive gateway only when its DI asks for the marker.
    addShape(element, boundsOf(step), step.type === 'decision' ? { isMarkerVisible: true } : {});
  }

  const flowOf = new Map<Connection, ModdleElement<BpmnBaseElement>>();
  for (const connection of connections) {
    const source = elementOf.get(connection.sourceStepId);
    const target = elementOf.get(connection.targetStepId);
    if (!source || !target) continue;
    const element =
      connection.kind === 'sequence'
        ? sequenceFlow(moddle, connection, source, target)
        : dataFlow(moddle, connection, source, target, artifacts);
    if (element.$type === 'bpmn:SequenceFlow') flowElements.push(element as ModdleElement<BpmnSequenceFlow>);
    flowOf.set(connection, element);
    addEdge(element, connectionPoints(connection));
  }

  annotations.forEach((annotation, index) => {
    const box = annotationBoxes[index];
    if (!box) return;
    const element = moddle.create<BpmnTextAnnotation>('bpmn:TextAnnotation', { id: annotation.id, text: annotation.text });
    artifacts.push(element);
    addShape(element, box);
    const { anchor } = annotation;
    const attached =
      'step' in anchor
        ? { element: elementOf.get(anchor.step.id), from: { x: centre(boundsOf(anchor.step)).x, y: boundsOf(anchor.step).y } }
        : 'flow' in anchor
          ? { element: flowOf.get(anchor.flow), from: midpoint(connectionPoints(anchor.flow)) }
          : undefined;
    if (!attached?.element) return;
    const association = moddle.create<BpmnAssociation>('bpmn:Association', {
      id: `Association_${annotation.id}`,
      sourceRef: attached.element,
      targetRef: element,
      associationDirection: 'None',
    });
    artifacts.push(association);
    addEdge(association, [attached.from, { x: box.x + box.width / 2, y: box.y + box.height }]);
  });

  const laneElements = lanes.map((lane) =>
    moddle.create<BpmnLane>('bpmn:Lane', {
      id: bpmnId(lane.id),
      name: lane.name,
      documentation: documentation('', { kind: lane.kind, color: lane.color }),
      flowNodeRef: steps
        .filter((step) => step.laneId === lane.id && !dataTypeOf(step))
        .flatMap((step) => elementOf.get(step.id) ?? [])
        .map((element) => element as ModdleElement<BpmnFlowNode>),
    }),
  );
  const bpmnProcess = moddle.create<BpmnProcess>('bpmn:Process', {
    id: `Process_${key}`,
    name: process.name,
    isExecutable: false,
    laneSets: [moddle.create<BpmnLaneSet>('bpmn:LaneSet', { id: `LaneSet_${key}`, lanes: laneElements })],
    flowElements,
    artifacts,
  });
  const participant = moddle.create<BpmnParticipant>('bpmn:Participant', {
    id: `Participant_${key}`,
    name: text.pool(process.name, map.variant),
    processRef: bpmnProcess,
  });
  const collaboration = moddle.create<BpmnCollaboration>('bpmn:Collaboration', { id: `Collaboration_${key}`, participants: [participant] });

  const horizontal = { isHorizontal: true };
  const poolBox = { x: -POOL_HEADER_WIDTH, y: 0, width: layout.width + POOL_HEADER_WIDTH, height: layout.height };
  addShape(participant, poolBox, horizontal, containerShapes);
  layout.lanes.forEach((box, index) => {
    const element = laneElements[index];
    if (element) addShape(element, { x: 0, y: box.y, width: layout.width, height: box.height }, horizontal, containerShapes);
  });

  const definitions = moddle.create<BpmnDefinitions>('bpmn:Definitions', {
    id: `Definitions_${key}`,
    targetNamespace: 'http://bpmn.io/schema/bpmn',
    exporter: 'Kakehashi',
    rootElements: [collaboration, bpmnProcess],
    diagrams: [
      moddle.create<BpmndiBPMNDiagram>('bpmndi:BPMNDiagram', {
        id: `BPMNDiagram_${key}`,
        plane: moddle.create<BpmndiBPMNPlane>('bpmndi:BPMNPlane', {
          id: `BPMNPlane_${key}`,
          bpmnElement: collaboration,
          planeElement: [...containerShapes, ...nodeShapes, ...edges],
        }),
      }),
    ],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

function sequenceFlow(
  moddle: BpmnModdle,
  connection: Connection,
  source: ModdleElement<BpmnFlowElement>,
  target: ModdleElement<BpmnFlowElement>,
): ModdleElement<BpmnSequenceFlow> {
  const flow = moddle.create<BpmnSequenceFlow>('bpmn:SequenceFlow', {
    id: bpmnId(connection.id),
    ...(connection.label.trim().length > 0 ? { name: connection.label } : {}),
    sourceRef: source as ModdleElement<BpmnFlowNode>,
    targetRef: target as ModdleElement<BpmnFlowNode>,
  });
  // Camunda Modeler and bpmn.io write both ends' incoming/outgoing; other tools read them.
  source.get<ModdleElement<BpmnSequenceFlow>[]>('outgoing').push(flow);
  target.get<ModdleElement<BpmnSequenceFlow>[]>('incoming').push(flow);
  return flow;
}

/**
 * A data connection between a data object or store and a task is a data association, shaped
 * as bpmn-js makes them (an input association points at a `__targetRef_placeholder` property).
 * Any other data connection is a directed association. Neither has a name in BPMN, so the label
 * travels as the element's documentation.
 */
function dataFlow(
  moddle: BpmnModdle,
  connection: Connection,
  source: ModdleElement<BpmnFlowElement>,
  target: ModdleElement<BpmnFlowElement>,
  artifacts: ModdleElement<BpmnBaseElement>[],
): ModdleElement<BpmnBaseElement> {
  const id = bpmnId(connection.id);
  const documentation =
    connection.label.trim().length > 0 ? [moddle.create<BpmnDocumentation>('bpmn:Documentation', { text: connection.label })] : [];
  const isData = (element: ModdleElement) => element.$instanceOf('bpmn:ItemAwareElement');
  const isTask = (element: ModdleElement) => element.$instanceOf('bpmn:Activity');
  if (isData(source) && isTask(target)) {
    const task = target as ModdleElement<BpmnActivity>;
    const placeholder = moddle.create<BpmnProperty>('bpmn:Property', { id: `Property_${id}`, name: '__targetRef_placeholder' });
    task.get<ModdleElement<BpmnProperty>[]>('properties').push(placeholder);
    const association = moddle.create<BpmnDataInputAssociation>('bpmn:DataInputAssociation', {
      id,
      documentation,
      sourceRef: [source as ModdleElement<BpmnItemAwareElement>],
      targetRef: placeholder,
    });
    task.get<ModdleElement<BpmnDataInputAssociation>[]>('dataInputAssociations').push(association);
    return association;
  }
  if (isTask(source) && isData(target)) {
    const association = moddle.create<BpmnDataOutputAssociation>('bpmn:DataOutputAssociation', {
      id,
      documentation,
      targetRef: target as ModdleElement<BpmnItemAwareElement>,
    });
    source.get<ModdleElement<BpmnDataOutputAssociation>[]>('dataOutputAssociations').push(association);
    return association;
  }
  const association = moddle.create<BpmnAssociation>('bpmn:Association', {
    id,
    documentation,
    sourceRef: source,
    targetRef: target,
    associationDirection: 'One',
  });
  artifacts.push(association);
  return association;
}

type Words = (typeof words)[Language];

/**
 * The pain points and exceptions of this map as annotation texts. A step's are attached to its
 * element and a sequence connection's to its flow; a lane's, the map's and a data connection's
 * stand free, with a line saying what they are about.
 */
function collectAnnotations(
  document: WorkshopDocument,
  map: { steps: readonly Step[]; connections: readonly Connection[]; lanes: readonly { id: string; name: string }[]; mapId: MapId },
  text: Words,
): Annotation[] {
  const stepsById = new Map(map.steps.map((step) => [step.id as string, step]));
  const connectionsById = new Map(map.connections.map((connection) => [connection.id as string, connection]));
  const lanesById = new Map(map.lanes.map((lane) => [lane.id, lane]));
  const label = (stepId: string) => stepsById.get(stepId)?.label ?? '';

  const painText = (pain: PainPoint, about?: string) =>
    [`${text.painPoint(pain.severity)}: ${pain.title}`, about, pain.description].filter((line) => line && line.trim()).join('\n');
  const annotationOf = (pain: PainPoint): Annotation | undefined => {
    const id = `TextAnnotation_${bpmnId(pain.id)}`;
    const { target } = pain;
    if (target.kind === 'step') {
      const step = stepsById.get(target.stepId);
      return step && { id, text: painText(pain), anchor: { step } };
    }
    if (target.kind === 'connection') {
      const connection = connectionsById.get(target.connectionId);
      if (!connection) return undefined;
      if (connection.kind === 'sequence') return { id, text: painText(pain), anchor: { flow: connection } };
      const about = text.aboutConnection(label(connection.sourceStepId), label(connection.targetStepId));
      return { id, text: painText(pain, about), anchor: { x: LANE_HEADER_WIDTH } };
    }
    if (target.kind === 'lane') {
      const lane = lanesById.get(target.laneId);
      return lane && { id, text: painText(pain, text.aboutLane(lane.name)), anchor: { x: LANE_HEADER_WIDTH } };
    }
    return target.mapId === map.mapId ? { id, text: painText(pain, text.aboutMap), anchor: { x: LANE_HEADER_WIDTH } } : undefined;
  };
  const exceptionAnnotation = (exception: ExceptionCase): Annotation | undefined => {
    const step = stepsById.get(exception.stepId);
    const lines = [`${text.exception}: ${exception.trigger}`];
    if (exception.currentHandling.trim()) lines.push(`${text.currentHandling}: ${exception.currentHandling}`);
    return step && { id: `TextAnnotation_${bpmnId(exception.id)}`, text: lines.join('\n'), anchor: { step } };
  };
  return [
    ...document.painPoints.flatMap((pain) => annotationOf(pain) ?? []),
    ...document.exceptions.flatMap((exception) => exceptionAnnotation(exception) ?? []),
  ];
}
