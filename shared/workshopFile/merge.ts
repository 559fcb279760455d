import type { WorkshopDocument } from '../model/document';
import type { Step } from '../model/map';
import type { Process } from '../model/process';
import type { Result } from '../model/problems';
import { workshopChildTables, type RecordOf, type WorkshopChildTable } from '../model/records';
import type { Requirement } from '../model/requirement';
import type { Participant, Workshop } from '../model/workshop';

/**
 * Merging two facilitators' copies of one workshop. Records are matched by id: a record only
 * in the incoming copy is added, one only in the local copy is kept, one in both that differs
 * is a conflict the facilitator settles record by record (`resolveConflicts`); until then the
 * merged document keeps the local version.
 *
 * Merging never deletes. The copies carry no record of deletions, so a record one facilitator
 * deleted and the other still has is indistinguishable from a record the other added — it
 * comes back, and is deleted again after merging if it should go.
 */

/** The record collections a merge reports on: the tables, plus the workshop's participants. */
export type MergeTable = WorkshopChildTable | 'workshops' | 'participants';

export interface MergedRecord {
  readonly table: MergeTable;
  readonly id: string;
  /** What the facilitator recognises it by: a step's label, a pain point's title, REQ-004 and its title… */
  readonly label: string;
}

export interface FieldDifference {
  /** A property of the record, e.g. `label`, `position`, `updatedAt`. */
  readonly path: string;
  readonly local: unknown;
  readonly incoming: unknown;
}

export interface Conflict extends MergedRecord {
  readonly fields: readonly FieldDifference[];
}

export interface RenumberedRequirement {
  readonly id: string;
  readonly title: string;
  readonly from: string;
  readonly to: string;
}

export interface WorkshopMerge {
  readonly merged: WorkshopDocument;
  readonly added: readonly MergedRecord[];
  readonly conflicts: readonly Conflict[];
  /** Requirements of the incoming copy whose key another requirement already had (REQ-004 → REQ-012). */
  readonly renumbered: readonly RenumberedRequirement[];
}

export type ConflictChoice = 'local' | 'incoming';

/** The key of a conflict in the `choices` given to `resolveConflicts`. */
export const conflictKey = (conflict: Pick<Conflict, 'table' | 'id'>): string => `${conflict.table}/${conflict.id}`;

type JsonRecord = { readonly id: string } & Readonly<Record<string, unknown>>;

/**
 * Not compared on the workshop: participants are merged one by one, `deletedAt` is this
 * library's trash, and `updatedAt` moves with every edit of any record (the merge takes the later).
 */
const WORKSHOP_FIELDS_NOT_COMPARED: readonly string[] = ['participants', 'updatedAt', 'deletedAt'];

/**
 * Merges `incoming` (a facilitator's file) into `local` (the library's copy of the same
 * workshop). Refused, with a problem, when they are different workshops. The merged document
 * passes `readWorkshopDocument`: every record either copy refers to is in it.
 */
export function mergeWorkshops(local: WorkshopDocument, incoming: WorkshopDocument): Result<WorkshopMerge> {
  if (local.workshop.id !== incoming.workshop.id) {
    return {
      ok: false,
      problems: [
        {
          path: 'workshop.id',
          message:
            `not the same workshop (${local.workshop.id} here, ${incoming.workshop.id} in the file): ` +
            'only copies of one workshop can be merged — open the file as a new workshop instead',
        },
      ],
    };
  }
  const addedRecords: { table: MergeTable; record: JsonRecord }[] = [];
  const conflicting: { table: MergeTable; record: JsonRecord; fields: FieldDifference[] }[] = [];
  const mergeTable = <R extends JsonRecord>(table: MergeTable, ours: readonly R[], theirs: readonly R[]): R[] => {
    const oursById = new Map(ours.map((record) => [record.id, record]));
    const records = [...ours];
    for (const record of theirs) {
      const mine = oursById.get(record.id);
      if (!mine) {
        records.push(record);
        addedRecords.push({ table, record });
        continue;
      }
      const fields = differences(mine, record, []);
      // A record saved again without a change differs only in `updatedAt`: nothing to choose.
      if (fields.some((field) => field.path !== 'updatedAt')) conflicting.push({ table, record: mine, fields });
    }
    return records;
  };

  const participants = mergeTable('participants', local.workshop.participants, incoming.workshop.participants);
  const workshopFields = differences(local.workshop, incoming.workshop, WORKSHOP_FIELDS_NOT_COMPARED);
  if (workshopFields.length > 0) conflicting.push({ table: 'workshops', record: local.workshop, fields: workshopFields });
  const workshop: Workshop = { ...local.workshop, participants, updatedAt: later(local.workshop.updatedAt, incoming.workshop.updatedAt) };
  const tables = Object.fromEntries(
    workshopChildTables.map((table) => [table, mergeTable(table, local[table] as readonly JsonRecord[], incoming[table] as readonly JsonRecord[])]),
  );
  const unnumbered = { ...local, ...tables, workshop } as WorkshopDocument;
  const { requirements, renumbered } = renumberDuplicateKeys(unnumbered.requirements);
  const merged = { ...unnumbered, requirements };

  const label = labeller(merged);
  return {
    ok: true,
    value: {
      merged,
      added: addedRecords.map(({ table, record }) => ({ table, id: record.id, label: label(table, record.id) })),
      conflicts: conflicting.map(({ table, record, fields }) => ({ table, id: record.id, label: label(table, record.id), fields })),
      renumbered,
    },
  };
}

/**
 * The merged document with each conflict settled as chosen: `incoming` takes the incoming copy's
 * version of the whole record, `local` (or no choice) keeps the local one. Requirement keys stay
 * unique: should a chosen version bring a key another requirement has, the later one in the
 * list gets a new key.
 */
export function resolveConflicts(
  merged: WorkshopDocument,
  conflicts: readonly Conflict[],
  choices: Readonly<Record<string, ConflictChoice>>,
): WorkshopDocument {
  const chosen = new Map(
    conflicts.filter((conflict) => choices[conflictKey(conflict)] === 'incoming').map((conflict) => [conflictKey(conflict), conflict]),
  );
  const settle = <R extends JsonRecord>(table: MergeTable, record: R): R => {
    const conflict = chosen.get(conflictKey({ table, id: record.id }));
    return conflict ? withIncomingFields(record, conflict.fields) : record;
  };
  const participants = merged.workshop.participants.map((participant) => settle('participants', participant));
  const workshop = settle('workshops', { ...merged.workshop, participants });
  const tables = Object.fromEntries(
    workshopChildTables.map((table) => [table, (merged[table] as readonly JsonRecord[]).map((record) => settle(table, record))]),
  );
  const settled = { ...merged, ...tables, workshop } as WorkshopDocument;
  return { ...settled, requirements: renumberDuplicateKeys(settled.requirements).requirements };
}

/** Properties whose values differ, the two versions side by side. */
function differences(local: JsonRecord, incoming: JsonRecord, ignored: readonly string[]): FieldDifference[] {
  const keys = new Set([...Object.keys(local), ...Object.keys(incoming)]);
  return [...keys]
    .filter((key) => !ignored.includes(key) && !sameJson(local[key], incoming[key]))
    .map((key) => ({ path: key, local: local[key], incoming: incoming[key] }));
}

function withIncomingFields<R extends JsonRecord>(record: R, fields: readonly FieldDifference[]): R {
  const incomingValues = new Map(fields.map((field) => [field.path, field.incoming]));
  const keys = new Set([...Object.keys(record), ...incomingValues.keys()]);
  const entries = [...keys].map((key) => [key, incomingValues.has(key) ? incomingValues.get(key) : record[key]] as const);
  // fromEntries defines properties (never assigns through a prototype); one the incoming version lacks is left out.
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as R;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);

/**
 * Keys are "REQ-" and a number, unique in a workshop. Two facilitators numbering new
 * requirements independently both take the next free number, so the later of two requirements
 * with one key gets the number after the highest in use.
 */
function renumberDuplicateKeys(requirements: readonly Requirement[]): { requirements: Requirement[]; renumbered: RenumberedRequirement[] } {
  let next = requirements.reduce((highest, requirement) => Math.max(highest, Number(requirement.key.slice('REQ-'.length))), 0) + 1;
  const taken = new Set<string>();
  const renumbered: RenumberedRequirement[] = [];
  const result = requirements.map((requirement) => {
    if (!taken.has(requirement.key)) {
      taken.add(requirement.key);
      return requirement;
    }
    const key = `REQ-${String(next++).padStart(3, '0')}`;
    taken.add(key);
    renumbered.push({ id: requirement.id, title: requirement.title, from: requirement.key, to: key });
    return { ...requirement, key };
  });
  return { requirements: result, renumbered };
}

type MergeRecordOf<T extends MergeTable> = T extends WorkshopChildTable ? RecordOf<T> : T extends 'participants' ? Participant : Workshop;

interface LabelLookup {
  readonly processes: ReadonlyMap<string, Process>;
  readonly steps: ReadonlyMap<string, Step>;
}

const stepLabel = (step: Step | undefined) => (step ? step.label || step.type : '?');

const labels: { readonly [T in MergeTable]: (record: MergeRecordOf<T>, lookup: LabelLookup) => string } = {
  workshops: (workshop) => workshop.name,
  participants: (participant) => participant.name,
  processes: (process) => process.name,
  maps: (map, lookup) => `${lookup.processes.get(map.processId)?.name ?? '?'} ${map.variant === 'asIs' ? 'As-Is' : 'To-Be'}`,
  lanes: (lane) => lane.name,
  steps: (step) => stepLabel(step),
  connections: (connection, lookup) => {
    const ends = `${stepLabel(lookup.steps.get(connection.sourceStepId))} → ${stepLabel(lookup.steps.get(connection.targetStepId))}`;
    return connection.label ? `${ends} (${connection.label})` : ends;
  },
  painPoints: (painPoint) => painPoint.title,
  exceptions: (exception) => exception.trigger,
  approvalRules: (rule) => rule.approverRole,
  reportFields: (field) => field.name,
  kpis: (kpi) => kpi.name,
  interviewSessions: (session) => `${session.title} ${session.date}`,
  interviewNotes: (note) => note.text,
  requirements: (requirement) => `${requirement.key} ${requirement.title}`,
  stickyNotes: (note) => note.text,
  questions: (question) => question.text,
  parkingItems: (item) => item.text,
  votes: (vote) => vote.title,
  agendaItems: (item) => item.title,
};

/** Labels of records as they are in `document`, one line of at most 80 characters; the id when empty. */
function labeller(document: WorkshopDocument): (table: MergeTable, id: string) => string {
  const records: readonly JsonRecord[] = [
    document.workshop,
    ...document.workshop.participants,
    ...workshopChildTables.flatMap((table) => document[table] as readonly JsonRecord[]),
  ];
  const byId = new Map(records.map((record) => [record.id, record]));
  const lookup: LabelLookup = { processes: new Map(document.processes.map((p) => [p.id, p])), steps: new Map(document.steps.map((s) => [s.id, s])) };
  return (table, id) => {
    const record = byId.get(id);
    const label = labels[table] as (record: unknown, lookup: LabelLookup) => string;
    const text = record === undefined ? '' : label(record, lookup).replace(/\s+/g, ' ').trim();
    if (text.length === 0) return id;
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
}
