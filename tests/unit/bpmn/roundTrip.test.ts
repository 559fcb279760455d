import { describe, expect, it } from 'vitest';
import { mapToBpmn } from '../../../shared/bpmn/export';
import { bpmnToMap, type ImportedMap } from '../../../shared/bpmn/import';
import { KAKEHASHI_TEXT_FORMAT } from '../../../shared/bpmn/mapping';
import type { Connection, Lane, Step, StepType } from '../../../shared/model';
import { processTemplateIds } from '../../../shared/templates';
import { painPoint, stepLabelled, templateWorkshop, withRecords, type TestWorkshop } from './workshop';

async function roundTrip(workshop: TestWorkshop, transform: (xml: string) => string = (xml) => xml): Promise<ImportedMap> {
  const xml = await mapToBpmn(workshop.document, workshop.ids.mapId, { lang: 'ja' });
  const result = await bpmnToMap(transform(xml), { workshopId: workshop.ids.workshopId, lang: 'ja' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** A map's content without ids: lanes in order, steps by lane name, connections by step labels. */
function content(lanes: readonly Lane[], steps: readonly Step[], connections: readonly Connection[]) {
  const laneName = new Map(lanes.map((lane) => [lane.id, lane.name]));
  const label = new Map(steps.map((step) => [step.id, step.label]));
  return {
    lanes: [...lanes].sort((a, b) => a.order - b.order).map(({ name, kind, color }) => ({ name, kind, color })),
    steps: steps.map(({ laneId, type, label, position, performers, system, tools, frequency, volume, touchMinutes, waitMinutes, inputs, outputs }) => ({
      lane: laneName.get(laneId),
      type,
      label,
      position,
      performers,
      system,
      tools,
      frequency,
      volume,
      touchMinutes,
      waitMinutes,
      inputs,
      outputs,
    })),
    connections: connections
      .map((c) => `${c.kind} ${label.get(c.sourceStepId)} → ${label.get(c.targetStepId)} [${c.label}]`)
      .sort(),
  };
}

/** What a BPMN tool that drops Kakehashi's marker leaves of each step type. */
const coarseType: Readonly<Record<StepType, StepType>> = {
  start: 'start',
  end: 'end',
  manualTask: 'manualTask',
  systemTask: 'systemTask',
  decision: 'decision',
  approval: 'manualTask',
  document: 'manualTask',
  spreadsheet: 'manualTask',
  master: 'manualTask',
  handoff: 'systemTask',
  external: 'manualTask',
};
/** Off the flow, documents and master data are data objects and stores, which read back as such. */
const coarseDataType: Partial<Record<StepType, StepType>> = { document: 'document', master: 'master' };

const withoutMarkers = (xml: string) =>
  xml.replace(new RegExp(`\\s*<bpmn:documentation textFormat="${KAKEHASHI_TEXT_FORMAT.replace(/[+]/g, '\\+')}">[^<]*</bpmn:documentation>`, 'g'), '');

describe('BPMN export then import', () => {
  it.each(processTemplateIds)('gives back the %s map: lanes, steps with their attributes and places, connections and labels', async (templateId) => {
    const workshop = templateWorkshop(templateId);
    const { document } = workshop;

    const map = await roundTrip(workshop);

    expect(content(map.lanes, map.steps, map.connections)).toEqual(content(document.lanes, document.steps, document.connections));
    expect(map.processName).toBe(document.processes[0]?.name);
    expect(map.unmapped).toEqual([]);
    expect(map.warnings).toEqual([]);
  });

  it('keeps step types coarsely through a tool that drops the Kakehashi attributes', async () => {
    const workshop = templateWorkshop('accountsPayable');
    const { document } = workshop;

    const map = await roundTrip(workshop, withoutMarkers);

    expect(map.steps.map((step) => step.label)).toEqual(document.steps.map((step) => step.label));
    map.steps.forEach((step, index) => {
      const original = document.steps[index]!;
      const offFlow = !document.connections.some((c) => c.kind === 'sequence' && (c.sourceStepId === original.id || c.targetStepId === original.id));
      const expected = (offFlow && coarseDataType[original.type]) || coarseType[original.type];
      expect(step.type, original.label).toBe(expected);
      expect(step.position, original.label).toEqual(original.position);
    });
    expect(map.lanes.map((lane) => lane.kind)).toEqual(document.lanes.map(() => 'department'));
    expect(content(map.lanes, map.steps, map.connections).connections).toEqual(content(document.lanes, document.steps, document.connections).connections);
  });

  it('brings pain points on steps back as notes and lists the others, dropping none silently', async () => {
    const workshop = templateWorkshop('accountsPayable');
    const request = stepLabelled(workshop, '支払依頼書作成');
    const flow = workshop.document.connections.find((c) => c.sourceStepId === request.id)!;
    const annotated = withRecords(workshop, {
      painPoints: [
        painPoint(workshop, { kind: 'step', stepId: request.id }, '二重入力'),
        painPoint(workshop, { kind: 'connection', connectionId: flow.id }, '回覧待ち'),
        painPoint(workshop, { kind: 'map', mapId: workshop.ids.mapId }, '担当者が一人だけ'),
      ],
    });

    const map = await roundTrip(annotated);

    expect(map.steps.find((step) => step.label === '支払依頼書作成')?.notes).toBe(`${request.notes}\n\n困りごと（深刻度 4）: 二重入力`);
    expect(map.unmapped.map((item) => [item.type, item.reason])).toEqual([
      ['textAnnotation', expect.stringContaining('attached to sequenceFlow')],
      ['textAnnotation', 'not attached to a step'],
    ]);
  });
});
