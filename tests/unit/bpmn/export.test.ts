import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { mapToBpmn } from '../../../shared/bpmn/export';
import { bpmnTypeOfStep, KAKEHASHI_TEXT_FORMAT } from '../../../shared/bpmn/mapping';
import { newId } from '../../../shared/model';
import { processTemplateIds } from '../../../shared/templates';
import { childText, contains, elementsOf, readBpmn, type ReadBpmn } from './bpmnXml';
import {
  connection,
  exceptionCase,
  extraStep,
  laneNamed,
  painPoint,
  stepLabelled,
  templateWorkshop,
  withRecords,
  type TestWorkshop,
} from './workshop';

const FLOW_NODES = ['startEvent', 'endEvent', 'task', 'manualTask', 'userTask', 'serviceTask', 'sendTask', 'exclusiveGateway'];
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

const exportMap = (workshop: TestWorkshop, lang: 'ja' | 'en' = 'ja') => mapToBpmn(workshop.document, workshop.ids.mapId, { lang });

/** A step's element in the file: its id is the step's id with the colon replaced. */
const elementOf = (read: ReadBpmn, stepId: string) => read.byId.get(stepId.replace(':', '_'));

/**
 * The accounts-payable map with what a workshop adds: pain points on a step, on a sequence
 * connection and on a lane, an exception, and an invoice document off the flow that one task
 * writes and another reads.
 */
function annotatedAccountsPayable(): TestWorkshop {
  const workshop = templateWorkshop('accountsPayable');
  const request = stepLabelled(workshop, '支払依頼書作成');
  const approval = stepLabelled(workshop, '部門長承認');
  const receive = stepLabelled(workshop, '請求書受領・検収確認');
  const flow = workshop.document.connections.find((c) => c.sourceStepId === request.id && c.targetStepId === approval.id);
  if (!flow) throw new Error('template changed: no flow from 支払依頼書作成 to 部門長承認');
  const invoice = extraStep(workshop, laneNamed(workshop, '現場部門'), 'document', '請求書（紙）', { x: 400, y: 120 });
  return withRecords(workshop, {
    steps: [invoice],
    connections: [connection(workshop, receive, invoice, 'data', '受領印'), connection(workshop, invoice, request, 'data')],
    painPoints: [
      painPoint(workshop, { kind: 'step', stepId: request.id }, 'Excelから会計システムへ二重入力'),
      painPoint(workshop, { kind: 'connection', connectionId: flow.id }, '回覧に3日かかる', 5),
      painPoint(workshop, { kind: 'lane', laneId: laneNamed(workshop, '経理部').id }, '月末に残業が集中', 3),
    ],
    exceptions: [exceptionCase(workshop, approval, '部門長が出張中', '代理承認者が押印')],
  });
}

describe('BPMN export', () => {
  it.each(processTemplateIds)('writes the %s template as BPMN that bpmn-moddle reads back without warnings', async (templateId) => {
    const xml = await exportMap(templateWorkshop(templateId));

    const { warnings, rootElement } = await new BpmnModdle().fromXML(xml);

    expect(warnings).toEqual([]);
    expect(rootElement.$type).toBe('bpmn:Definitions');
  });

  it('reads back without warnings with pain points, exceptions and data objects', async () => {
    const xml = await exportMap(annotatedAccountsPayable());

    const { warnings } = await new BpmnModdle().fromXML(xml);

    expect(warnings).toEqual([]);
  });

  it.each(processTemplateIds)('gives the %s template complete DI: a shape for everything drawn, an edge for every flow', async (templateId) => {
    const read = readBpmn(await exportMap(templateWorkshop(templateId)));

    const drawn = elementsOf(read, 'participant', 'lane', ...FLOW_NODES, 'dataObjectReference', 'dataStoreReference', 'textAnnotation');
    const flows = elementsOf(read, 'sequenceFlow', 'association', 'dataInputAssociation', 'dataOutputAssociation');

    expect(drawn.length).toBeGreaterThan(10);
    for (const element of drawn) expect(read.shapes.has(element.attributes.id!), element.attributes.id).toBe(true);
    for (const flow of flows) expect(read.edges.get(flow.attributes.id!)?.length ?? 0, flow.attributes.id).toBeGreaterThanOrEqual(2);
    const plane = elementsOf(read, 'BPMNPlane')[0];
    expect(read.byId.get(plane?.attributes.bpmnElement ?? '')?.tag).toBe('collaboration');
  });

  it('gives annotations, associations and data associations their shapes and edges', async () => {
    const read = readBpmn(await exportMap(annotatedAccountsPayable()));

    const annotations = elementsOf(read, 'textAnnotation');
    const links = elementsOf(read, 'association', 'dataInputAssociation', 'dataOutputAssociation');

    expect(annotations).toHaveLength(4);
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const annotation of annotations) expect(read.shapes.has(annotation.attributes.id!)).toBe(true);
    for (const link of links) expect(read.edges.get(link.attributes.id!)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('draws pool and lanes horizontally, the pool around its lanes and every lane around its nodes', async () => {
    const read = readBpmn(await exportMap(annotatedAccountsPayable()));

    const pool = read.shapes.get(elementsOf(read, 'participant')[0]!.attributes.id!)!;
    const lanes = elementsOf(read, 'lane');

    expect(pool.isHorizontal).toBe(true);
    for (const lane of lanes) {
      const laneShape = read.shapes.get(lane.attributes.id!)!;
      expect(laneShape.isHorizontal).toBe(true);
      expect(contains(pool.bounds, laneShape.bounds)).toBe(true);
      const nodes = childText(lane, 'flowNodeRef');
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect(contains(laneShape.bounds, read.shapes.get(node)!.bounds), `${node} in ${lane.attributes.name}`).toBe(true);
    }
  });

  it('puts every flow node in exactly one lane, and data objects in the lane they are drawn in', async () => {
    const workshop = annotatedAccountsPayable();
    const read = readBpmn(await exportMap(workshop));

    const referenced = elementsOf(read, 'lane').flatMap((lane) => childText(lane, 'flowNodeRef'));
    const nodes = elementsOf(read, ...FLOW_NODES).map((node) => node.attributes.id);
    const invoiceLane = read.shapes.get(laneNamed(workshop, '現場部門').id.replace(':', '_'))!;
    const invoice = read.shapes.get(stepLabelled(workshop, '請求書（紙）').id.replace(':', '_'))!;

    expect([...referenced].sort()).toEqual([...nodes].sort());
    expect(contains(invoiceLane.bounds, invoice.bounds)).toBe(true);
  });

  it('keeps Japanese names: pool, process, lanes, steps and flow labels', async () => {
    const workshop = templateWorkshop('accountsPayable');
    const read = readBpmn(await exportMap(workshop));

    expect(elementsOf(read, 'participant')[0]?.attributes.name).toBe('買掛金支払（As-Is）');
    expect(elementsOf(read, 'process')[0]?.attributes.name).toBe('買掛金支払');
    expect(elementsOf(read, 'lane').map((lane) => lane.attributes.name)).toEqual(['取引先', '現場部門', '経理部', '財務・出納', '会計システム', '銀行']);
    for (const step of workshop.document.steps) expect(elementOf(read, step.id)?.attributes.name).toBe(step.label);
    const labelled = workshop.document.connections.filter((c) => c.kind === 'sequence' && c.label !== '');
    expect(labelled.map((c) => read.byId.get(c.id.replace(':', '_'))?.attributes.name)).toEqual(labelled.map((c) => c.label));
    expect(labelled.map((c) => c.label)).toContain('不一致');
  });

  it('writes each step type as its BPMN element, with the exclusive gateway marker shown', async () => {
    const workshop = templateWorkshop('accountsPayable');
    const read = readBpmn(await exportMap(workshop));
    const offFlow = new Set(['document', 'master']);

    for (const step of workshop.document.steps) {
      const element = elementOf(read, step.id)!;
      if (offFlow.has(step.type) && element.tag.startsWith('data')) continue;
      expect(`bpmn:${element.tag.charAt(0).toUpperCase()}${element.tag.slice(1)}`, step.label).toBe(bpmnTypeOfStep[step.type]);
    }
    const decisions = workshop.document.steps.filter((step) => step.type === 'decision');
    expect(decisions.length).toBeGreaterThan(0);
    for (const decision of decisions) expect(read.shapes.get(decision.id.replace(':', '_'))?.isMarkerVisible).toBe(true);
  });

  it('writes master data off the flow as a data store the task reads through a data input association', async () => {
    const workshop = templateWorkshop('accountsPayable');
    const read = readBpmn(await exportMap(workshop));

    const master = elementOf(read, stepLabelled(workshop, '取引先マスタ').id)!;
    const inputs = elementsOf(read, 'dataInputAssociation').filter((input) => childText(input, 'sourceRef').includes(master.attributes.id!));

    expect(master.tag).toBe('dataStoreReference');
    expect(inputs.length).toBe(2);
    for (const input of inputs) {
      const placeholder = read.byId.get(childText(input, 'targetRef')[0]!)!;
      expect(placeholder).toMatchObject({ tag: 'property', attributes: { name: '__targetRef_placeholder' } });
    }
    expect(inputs.map((input) => childText(input, 'documentation')[0])).toEqual(expect.arrayContaining(['登録番号', '取引先コード']));
  });

  it('writes a document off the flow as a data object written and read by tasks', async () => {
    const workshop = annotatedAccountsPayable();
    const read = readBpmn(await exportMap(workshop));

    const invoice = elementOf(read, stepLabelled(workshop, '請求書（紙）').id)!;
    const writer = elementOf(read, stepLabelled(workshop, '請求書受領・検収確認').id)!;
    const output = writer.children.find((child) => child.tag === 'dataOutputAssociation')!;

    expect(invoice.tag).toBe('dataObjectReference');
    expect(read.byId.get(invoice.attributes.dataObjectRef!)?.tag).toBe('dataObject');
    expect(childText(output, 'targetRef')).toEqual([invoice.attributes.id]);
    expect(childText(output, 'documentation')).toEqual(['受領印']);
  });

  it('attaches pain points and exceptions to their step or flow; a lane pain point stands free and names the lane', async () => {
    const workshop = annotatedAccountsPayable();
    const read = readBpmn(await exportMap(workshop));

    const annotationText = (id: string) => childText(read.byId.get(id)!, 'text')[0] ?? '';
    const attached = new Map(
      elementsOf(read, 'association')
        .filter((association) => read.byId.get(association.attributes.targetRef!)?.tag === 'textAnnotation')
        .map((association) => [annotationText(association.attributes.targetRef!), read.byId.get(association.attributes.sourceRef!)]),
    );
    const free = elementsOf(read, 'textAnnotation').map((a) => annotationText(a.attributes.id!)).filter((text) => !attached.has(text));

    expect(attached.get('困りごと（深刻度 4）: Excelから会計システムへ二重入力')?.attributes.name).toBe('支払依頼書作成');
    expect(attached.get('困りごと（深刻度 5）: 回覧に3日かかる')?.tag).toBe('sequenceFlow');
    expect(attached.get('例外: 部門長が出張中\n現在の対応: 代理承認者が押印')?.attributes.name).toBe('部門長承認');
    expect(free).toEqual(['困りごと（深刻度 3）: 月末に残業が集中\nレーン「経理部」について']);
  });

  it('places annotations above the pool so they cover no step', async () => {
    const read = readBpmn(await exportMap(annotatedAccountsPayable()));

    const poolTop = read.shapes.get(elementsOf(read, 'participant')[0]!.attributes.id!)!.bounds.y;

    for (const annotation of elementsOf(read, 'textAnnotation')) {
      const { y, height } = read.shapes.get(annotation.attributes.id!)!.bounds;
      expect(y + height).toBeLessThanOrEqual(poolTop);
    }
  });

  it('carries what BPMN has no place for in a documentation that BPMN tools do not show', async () => {
    const workshop = templateWorkshop('accountsPayable');
    const read = readBpmn(await exportMap(workshop));

    const request = elementOf(read, stepLabelled(workshop, '支払依頼書作成').id)!;
    const documentation = request.children.filter((child) => child.tag === 'documentation');
    const marker = documentation.find((doc) => doc.attributes.textFormat === KAKEHASHI_TEXT_FORMAT);

    expect(JSON.parse(marker?.text ?? '{}')).toMatchObject({ type: 'spreadsheet', tools: ['支払依頼書.xlsx'], roles: ['現場担当者'] });
    expect(documentation.filter((doc) => doc.attributes.textFormat === undefined).map((doc) => doc.text)).toEqual([
      stepLabelled(workshop, '支払依頼書作成').notes,
    ]);
  });

  it('uses valid XML ids derived from Kakehashi ids, so exporting twice gives the same file', async () => {
    const workshop = annotatedAccountsPayable();
    const first = await exportMap(workshop);

    const ids = readBpmn(first).all.flatMap((element) => element.attributes.id ?? []);

    expect(ids.filter((id) => !NCNAME.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await exportMap(workshop)).toBe(first);
  });

  it('writes the added texts in English when asked', async () => {
    const workshop = templateWorkshop('expenseReimbursement', 'en');
    const step = workshop.document.steps.find((candidate) => candidate.type === 'approval')!;
    const read = readBpmn(await exportMap(withRecords(workshop, { painPoints: [painPoint(workshop, { kind: 'step', stepId: step.id }, 'Approvals stall')] }), 'en'));

    expect(elementsOf(read, 'participant')[0]?.attributes.name).toBe('Expense reimbursement (As-Is)');
    expect(childText(elementsOf(read, 'textAnnotation')[0]!, 'text')).toEqual(['Pain point (severity 4): Approvals stall']);
  });

  it('refuses a map the workshop does not have', async () => {
    const workshop = templateWorkshop('accountsPayable');

    await expect(mapToBpmn(workshop.document, newId('map'), { lang: 'ja' })).rejects.toThrow('no map');
  });
});
