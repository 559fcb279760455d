import { describe, expect, it } from 'vitest';
import type { WorkshopDocument } from '../../../shared/model';
import { backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';
import { expectGolden, exportBytes, parseCsv, utf8 } from './exportKit';

const column = (rows: string[][], name: string) => {
  const index = rows[0]!.indexOf(name);
  expect(index).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index]!);
};

function withHostileText(document: WorkshopDocument): WorkshopDocument {
  return {
    ...document,
    requirements: document.requirements.map((requirement) =>
      requirement.key === 'REQ-002'
        ? { ...requirement, title: '<script>alert(1)</script> & [link|x]', description: '{code}*太字* <b>x</b>', acceptanceCriteria: ['a < b', '"引用"'] }
        : requirement,
    ),
  };
}

describe('Jira Cloud import CSV', () => {
  it('has an Epic per process and a Story per requirement under it, labels in repeated columns', async () => {
    const document = backlogDocumentWithRequirements();
    const bytes = await exportBytes('jira', document);
    expectGolden('jira.csv', bytes);
    const rows = parseCsv(utf8(bytes));
    expect(rows[0]).toEqual(['Issue ID', 'Issue Type', 'Summary', 'Description', 'Priority', 'Labels', 'Labels', 'Labels', 'Labels', 'Labels', 'Parent']);
    expect(rows[1]?.slice(0, 3)).toEqual(['1', 'Epic', '買掛金支払']);
    expect(rows[2]).toEqual(expect.arrayContaining(['2', 'Story', `REQ-001 ${document.requirements[0]!.title}`, 'Highest', 'kakehashi', 'REQ-001', 'data', 'moscow-must', 'owner-joint']));
    expect(column(rows, 'Parent').slice(1)).toEqual(document.requirements.map(() => '1'));
    expect(new Set(column(rows, 'Priority').slice(1))).toEqual(new Set(['Highest', 'High', 'Medium']));
    expect(utf8(bytes).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes the description as wiki markup with user text escaped', async () => {
    const rows = parseCsv(utf8(await exportBytes('jira', withHostileText(backlogDocumentWithRequirements()))));
    const description = column(rows, 'Description')[2]!;
    expect(description).toContain('\\{code\\}\\*太字\\* <b>x</b>');
    expect(description).toContain('*受入基準*\n* a < b\n* "引用"');
  });
});

describe('Azure DevOps import CSV', () => {
  it('has a User Story per requirement with Priority 1–4, tags separated by ";", HTML description and criteria', async () => {
    const document = backlogDocumentWithRequirements();
    const bytes = await exportBytes('azureDevOps', document);
    expectGolden('azure-devops.csv', bytes);
    const rows = parseCsv(utf8(bytes));
    expect(rows[0]).toEqual(['Work Item Type', 'Title', 'Description', 'Priority', 'Tags', 'Acceptance Criteria']);
    expect(new Set(column(rows, 'Work Item Type'))).toEqual(new Set(['User Story']));
    expect(column(rows, 'Priority')).toEqual(document.requirements.map((requirement) => ({ must: '1', should: '2', could: '3', wont: '4' })[requirement.priority]));
    expect(column(rows, 'Tags')[0]).toBe('kakehashi; REQ-001; data; moscow-must; owner-joint; 買掛金支払');
    expect(column(rows, 'Acceptance Criteria')[0]).toMatch(/^<ul><li>「支払データ作成」で使うマスタは.*<\/li><\/ul>$/);
  });

  it('escapes user text in the HTML fields', async () => {
    const rows = parseCsv(utf8(await exportBytes('azureDevOps', withHostileText(backlogDocumentWithRequirements()))));
    expect(column(rows, 'Description')[1]).toMatch(/^<p>\{code\}\*太字\* &lt;b&gt;x&lt;\/b&gt;<\/p>/);
    expect(column(rows, 'Acceptance Criteria')[1]).toBe('<ul><li>a &lt; b</li><li>&quot;引用&quot;</li></ul>');
    expect(column(rows, 'Title')[1]).toBe('REQ-002 <script>alert(1)</script> & [link|x]'); // a title is plain text in Azure DevOps
  });
});

describe('Redmine import CSV', () => {
  it('uses the field and value names of a Japanese Redmine, parents by row number', async () => {
    const document = backlogDocumentWithRequirements();
    const bytes = await exportBytes('redmine', document);
    expectGolden('redmine.csv', bytes);
    const rows = parseCsv(utf8(bytes));
    expect(rows[0]).toEqual(['トラッカー', '題名', '説明', '優先度', 'カテゴリ', '親チケット']);
    expect(rows[1]).toEqual(['機能', '買掛金支払', '買掛金業務 改善ワークショップ', '通常', '', '']);
    expect(column(rows, '親チケット').slice(1)).toEqual(document.requirements.map(() => '1'));
    expect(column(rows, '優先度')[1]).toBe('高め');
    expect(column(rows, 'カテゴリ')[1]).toBe('データ・マスタ');
  });

  it('uses the English names for an English Redmine', async () => {
    const rows = parseCsv(utf8(await exportBytes('redmine', backlogDocumentWithRequirements('en'), { lang: 'en' })));
    expect(rows[0]).toEqual(['Tracker', 'Subject', 'Description', 'Priority', 'Category', 'Parent task']);
    expect(rows[2]?.slice(0, 1)).toEqual(['Feature']);
    expect(column(rows, 'Priority')[1]).toBe('High');
  });
});

describe('exporting one process', () => {
  it('leaves out requirements that trace to no source of that process', async () => {
    const document = backlogDocumentWithRequirements();
    const elsewhere = { ...document, requirements: document.requirements.map((requirement, index) => (index === 0 ? { ...requirement, sources: [] } : requirement)) };
    const rows = parseCsv(utf8(await exportBytes('csv', elsewhere, { processId: document.processes[0]!.id })));
    expect(rows.map((row) => row[0]).slice(1)).toEqual(document.requirements.slice(1).map((requirement) => requirement.key));
  });
});
