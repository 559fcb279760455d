import { newStep } from '../../../shared/editor/steps';
import {
  CURRENT_SCHEMA_VERSION,
  DOCUMENT_TYPE,
  emptyRecords,
  newId,
  readWorkshopDocument,
  type Connection,
  type ConnectionKind,
  type ExceptionCase,
  type Lane,
  type MapId,
  type PainPoint,
  type ProcessId,
  type Step,
  type StepType,
  type WorkshopDocument,
  type WorkshopId,
  type WorkshopRecords,
} from '../../../shared/model';
import type { Language } from '../../../shared/platform/bridge';
import { findTemplate, instantiateTemplate, type ProcessTemplateId } from '../../../shared/templates';

/** Shared fakes for the BPMN tests: a workshop whose one process has an As-Is map drawn from a template. */

const now = '2026-11-24T10:00:00.000Z';

export interface Ids {
  readonly workshopId: WorkshopId;
  readonly processId: ProcessId;
  readonly mapId: MapId;
}

export interface TestWorkshop {
  readonly document: WorkshopDocument;
  readonly ids: Ids;
}

/** Checked like a file being opened, so a test never exports a document the app could not hold. */
function valid(raw: WorkshopDocument): WorkshopDocument {
  const read = readWorkshopDocument(raw);
  if (!read.ok) throw new Error(`test workshop is invalid: ${JSON.stringify(read.problems)}`);
  return read.value;
}

export function templateWorkshop(templateId: ProcessTemplateId, language: Language = 'ja'): TestWorkshop {
  const template = findTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const ids: Ids = { workshopId: newId('workshop'), processId: newId('process'), mapId: newId('map') };
  const { workshopId, processId, mapId } = ids;
  const records = instantiateTemplate(template, language, { workshopId, mapId });
  const document = valid({
    type: DOCUMENT_TYPE,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    app: 'Kakehashi test',
    savedAt: now,
    workshop: {
      id: workshopId,
      name: '経理業務ワークショップ',
      organisation: '',
      businessArea: '経理・財務',
      startDate: null,
      endDate: null,
      participants: [],
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    },
    ...emptyRecords(),
    processes: [{ id: processId, workshopId, name: template.name[language], order: 1, asIsMapId: mapId, toBeMapId: null, createdAt: now, updatedAt: now }],
    maps: [{ id: mapId, workshopId, processId, variant: 'asIs', forkedFromMapId: null, createdAt: now, updatedAt: now }],
    ...records,
  });
  return { document, ids };
}

/** The workshop with more records appended. */
export function withRecords(workshop: TestWorkshop, extra: Partial<WorkshopRecords>): TestWorkshop {
  const document = { ...workshop.document };
  for (const [table, rows] of Object.entries(extra) as [keyof WorkshopRecords, unknown[]][]) {
    (document as Record<string, unknown>)[table] = [...workshop.document[table], ...rows];
  }
  return { document: valid(document), ids: workshop.ids };
}

export const stepLabelled = (workshop: TestWorkshop, label: string): Step => {
  const step = workshop.document.steps.find((candidate) => candidate.label === label);
  if (!step) throw new Error(`no step ${label}`);
  return step;
};

export const laneNamed = (workshop: TestWorkshop, name: string): Lane => {
  const lane = workshop.document.lanes.find((candidate) => candidate.name === name);
  if (!lane) throw new Error(`no lane ${name}`);
  return lane;
};

export function extraStep(workshop: TestWorkshop, lane: Lane, type: StepType, label: string, position: { x: number; y: number }): Step {
  return newStep({ workshopId: workshop.ids.workshopId, mapId: workshop.ids.mapId, now }, { laneId: lane.id, type, label, position });
}

export function connection(workshop: TestWorkshop, from: Step, to: Step, kind: ConnectionKind, label = ''): Connection {
  const { workshopId, mapId } = workshop.ids;
  return { id: newId('connection'), workshopId, mapId, kind, sourceStepId: from.id, targetStepId: to.id, label };
}

export function painPoint(workshop: TestWorkshop, target: PainPoint['target'], title: string, severity = 4): PainPoint {
  const { workshopId, processId } = workshop.ids;
  return {
    id: newId('painPoint'),
    workshopId,
    processId,
    target,
    title,
    description: '',
    category: 'doubleEntry',
    severity,
    frequency: '',
    hoursLostPerMonth: null,
    peopleAffected: null,
    raisedBy: null,
    sourceNoteId: null,
    status: 'open',
    deferReason: '',
    createdAt: now,
    updatedAt: now,
  };
}

export function exceptionCase(workshop: TestWorkshop, step: Step, trigger: string, currentHandling: string): ExceptionCase {
  const { workshopId, processId } = workshop.ids;
  return {
    id: newId('exception'),
    workshopId,
    processId,
    stepId: step.id,
    trigger,
    currentHandling,
    handledBy: null,
    raisedBy: null,
    sourceNoteId: null,
    frequency: '',
    desiredHandling: '',
    createdAt: now,
    updatedAt: now,
  };
}
