import { z } from 'zod';
import type { ModdleElement } from 'moddle';
import type { BpmnBaseElement } from 'bpmn-moddle/types';
import { nameSchema } from '../model/common';
import { laneSchema, stepSchema, type StepType } from '../model/map';

/**
 * How Kakehashi step types and BPMN 2.0 elements correspond, in both directions, and where an
 * exported file keeps what BPMN has no word for. Export and import read the same tables, so the
 * README's mapping table is this file.
 */

export const BPMN_MODEL_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * Export: the element a step on the flow becomes. `manualTask` stays a BPMN manual task (work by
 * hand, no system: the same meaning); Excel work and approvals are a person working in software,
 * which BPMN calls a user task; a hand-off sends work to another party (send task); documents,
 * master data and external parties' work on the flow are plain tasks, because sequence flows
 * may only connect flow nodes.
 */
export const bpmnTypeOfStep: Readonly<Record<StepType, string>> = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  manualTask: 'bpmn:ManualTask',
  systemTask: 'bpmn:ServiceTask',
  decision: 'bpmn:ExclusiveGateway',
  approval: 'bpmn:UserTask',
  document: 'bpmn:Task',
  spreadsheet: 'bpmn:UserTask',
  master: 'bpmn:Task',
  handoff: 'bpmn:SendTask',
  external: 'bpmn:Task',
};

/**
 * Export: a document or master-data step off the flow (it has data connections only) is data,
 * not work: a data object or a data store, linked to tasks by data associations.
 */
export const bpmnTypeOfDataStep = {
  document: 'bpmn:DataObjectReference',
  master: 'bpmn:DataStoreReference',
} as const satisfies Partial<Record<StepType, string>>;

export type DataStepType = keyof typeof bpmnTypeOfDataStep;

/** Sub-processes and call activities become one step; what they contain is listed as not imported. */
export const collapsedActivityTypes: ReadonlySet<string> = new Set([
  'bpmn:SubProcess',
  'bpmn:AdHocSubProcess',
  'bpmn:Transaction',
  'bpmn:CallActivity',
]);

/**
 * Import: the step type of a BPMN element, when the file carries no Kakehashi step marker.
 * Intermediate events become hand-offs: they mark where work waits for or passes to someone else,
 * and keeping them keeps the flow through them connected. A parallel gateway becomes a decision
 * with a warning (Kakehashi has no parallel split; the branches are kept).
 */
export const stepTypeOfBpmn: Readonly<Record<string, StepType>> = {
  'bpmn:StartEvent': 'start',
  'bpmn:EndEvent': 'end',
  'bpmn:Task': 'manualTask',
  'bpmn:UserTask': 'manualTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ServiceTask': 'systemTask',
  'bpmn:ScriptTask': 'systemTask',
  'bpmn:BusinessRuleTask': 'systemTask',
  'bpmn:SendTask': 'systemTask',
  'bpmn:ReceiveTask': 'systemTask',
  ...Object.fromEntries([...collapsedActivityTypes].map((type) => [type, 'manualTask' as const])),
  'bpmn:ExclusiveGateway': 'decision',
  'bpmn:InclusiveGateway': 'decision',
  'bpmn:EventBasedGateway': 'decision',
  'bpmn:ComplexGateway': 'decision',
  'bpmn:ParallelGateway': 'decision',
  'bpmn:IntermediateThrowEvent': 'handoff',
  'bpmn:IntermediateCatchEvent': 'handoff',
  'bpmn:DataObjectReference': 'document',
  'bpmn:DataStoreReference': 'master',
};

// ---------------------------------------------------------------- Kakehashi markers

/**
 * The text format of the `bpmn:documentation` that carries a step's or lane's Kakehashi
 * attributes as JSON. Documentation is plain BPMN, so every tool reads the file without warnings
 * and keeps it on save; bpmn.io and Camunda Modeler show only `text/plain` documentation, so
 * people do not see it.
 */
export const KAKEHASHI_TEXT_FORMAT = 'application/x-kakehashi+json';

/** A step's attributes that BPMN cannot hold. Performers travel as role names: ids mean nothing in another workshop. */
export const stepMarkerSchema = stepSchema
  .pick({
    type: true,
    system: true,
    tools: true,
    frequency: true,
    volume: true,
    touchMinutes: true,
    waitMinutes: true,
    inputs: true,
    outputs: true,
  })
  .extend({ roles: z.array(nameSchema).max(100) })
  .partial();
export type StepMarker = z.infer<typeof stepMarkerSchema>;

export const laneMarkerSchema = laneSchema.pick({ kind: true, color: true }).partial();
export type LaneMarker = z.infer<typeof laneMarkerSchema>;

type Documented = ModdleElement<BpmnBaseElement>;

/** The element's marker when it has a valid one; `invalid` when one is there but unreadable. */
export function readMarker<T>(element: Documented, schema: z.ZodType<T>): T | 'invalid' | undefined {
  const marker = (element.documentation ?? []).find((doc) => doc.textFormat === KAKEHASHI_TEXT_FORMAT);
  if (!marker) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(marker.text ?? ''));
    return parsed.success ? parsed.data : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** The documentation people wrote (everything but the marker), joined by blank lines. */
export function readDocumentation(element: Documented): string {
  return (element.documentation ?? [])
    .filter((doc) => doc.textFormat !== KAKEHASHI_TEXT_FORMAT)
    .map((doc) => (doc.text ?? '').trim())
    .filter((text) => text.length > 0)
    .join('\n\n');
}
