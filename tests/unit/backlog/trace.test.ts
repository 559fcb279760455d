import { describe, expect, it } from 'vitest';
import { indexWorkshop, listedRequirements, mergeRequirements, painPointMatrix, toBeStepMatrix, traceLinks } from '../../../shared/backlog';
import type { PainPointId } from '../../../shared/model';
import { BACKLOG_NOW, backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';

describe('traceability', () => {
  it('pain point × requirement: most severe pain point first, a cell wherever a requirement traces to it', () => {
    const document = backlogDocumentWithRequirements();
    const matrix = painPointMatrix(document);
    expect(matrix.rows.map((pain) => pain.severity)).toEqual([5, 4, 4, 4, 3, 3, 3, 2, 1]);
    expect(matrix.columns.map((requirement) => requirement.key)).toEqual(document.requirements.map((requirement) => requirement.key));
    const linked = (painId: string) =>
      matrix.columns.filter((_, column) => matrix.cells[matrix.rows.findIndex((pain) => pain.id === painId)]![column]).map((requirement) => requirement.key);
    expect(linked('pain:doubleEnt')).toEqual(['REQ-003', 'REQ-016']);
    expect(linked('pain:training')).toEqual([]);
  });

  it('requirement × To-Be step: the work steps of the To-Be map in reading order', () => {
    const matrix = toBeStepMatrix(backlogDocumentWithRequirements());
    expect(matrix.columns.map((step) => step.label)).toEqual([
      '電子請求書発行',
      '請求書データ取込（OCR）',
      '三点照合（自動）',
      'ワークフロー承認',
      '仕訳自動計上',
      '支払データ作成',
      'FBデータ送信',
    ]);
    const row = matrix.rows.findIndex((requirement) => requirement.title === '自動化: 請求書データ取込（OCR）');
    expect(matrix.cells[row]).toEqual([false, true, false, false, false, false, false]);
  });

  it('leaves merged requirements out of the listing and the matrices', () => {
    const document = backlogDocumentWithRequirements();
    const [kept, absorbed] = [document.requirements[0]!, document.requirements[1]!];
    const merged = mergeRequirements(document.requirements, kept.id, absorbed.id, BACKLOG_NOW);
    const requirements = document.requirements.map((requirement) => merged.find((change) => change.id === requirement.id) ?? requirement);
    const keys = listedRequirements(indexWorkshop(document), { requirements }).map((requirement) => requirement.key);
    expect(keys).not.toContain(absorbed.key);
    expect(painPointMatrix({ ...document, requirements }).columns).toHaveLength(document.requirements.length - 1);
  });

  it('links name their source, and a source that is gone has no label and no process', () => {
    const document = backlogDocumentWithRequirements('en');
    const links = traceLinks(indexWorkshop(document), 'en');
    expect(links.filter((link) => link.requirementKey === 'REQ-010').map((link) => [link.source.kind, link.label])).toEqual([
      ['approvalRule', '経理課長 (up to ¥1,000,000)'],
      ['asIsStep', '課長承認（紙）'],
      ['painPoint', '紙の承認で、課長が不在だと支払が遅れる'],
      ['kpi', '請求書受領から支払までのリードタイム'],
    ]);
    const withoutPain = { ...document, painPoints: document.painPoints.filter((pain) => pain.id !== ('pain:approvDl' as PainPointId)) };
    const gone = traceLinks(indexWorkshop(withoutPain), 'en').find((link) => link.source.id === 'pain:approvDl');
    expect(gone).toMatchObject({ label: '', processId: null });
  });
});
