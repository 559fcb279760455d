import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toMicrosoftForms } from '../../../shared/export';
import type { WorkshopDocument } from '../../../shared/model';
import { backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';
import { expectGolden, exportBytes, options, parseCsv, utf8 } from './exportKit';
import { exporterById } from '../../../shared/export';

const BOM = [0xef, 0xbb, 0xbf];

function withTitle(document: WorkshopDocument, key: string, title: string): WorkshopDocument {
  return { ...document, requirements: document.requirements.map((requirement) => (requirement.key === key ? { ...requirement, title } : requirement)) };
}

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+81 3 1234 5678', "'+81 3 1234 5678"],
    ['- 月末に集中', "'- 月末に集中"],
    ['@担当者', "'@担当者"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['＝１＋１', "'＝１＋１"],
    ['請求書 = 1 件', '請求書 = 1 件'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });
});

describe('the requirements CSV for Excel', () => {
  it('is UTF-8 with a byte order mark and CRLF between records, and matches the golden files', async () => {
    const bytes = await exportBytes('csv', backlogDocumentWithRequirements());
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    expectGolden('requirements.csv', bytes);
    expectGolden('requirements-en.csv', await exportBytes('csv', backlogDocumentWithRequirements('en'), { lang: 'en' }));
  });

  it('parses back (papaparse) to one row per requirement with every field, lists one item per line', async () => {
    const document = backlogDocumentWithRequirements();
    const rows = parseCsv(utf8(await exportBytes('csv', document)));
    expect(rows[0]).toEqual(['キー', 'タイトル', '種別', '優先度', '担当', '状態', '説明', '受入基準', '出典', '業務プロセス']);
    expect(rows).toHaveLength(document.requirements.length + 1);
    const first = document.requirements[0]!;
    expect(rows[1]).toEqual([
      'REQ-001',
      first.title,
      'データ・マスタ',
      'Must（必須）',
      '合同',
      '下書き',
      first.description,
      first.acceptanceCriteria.join('\n'),
      '困りごと: 取引先マスタの口座情報が Excel 台帳と食い違う\nAs-Is 工程: 支払データ作成',
      '買掛金支払',
    ]);
    // The hand-written requirement's description is a typed list starting with "-": neutralised.
    expect(rows.at(-1)?.[6]).toBe("'- 月末3営業日も画面の応答は2秒以内\n- 同時利用30人");
  });

  it('quotes fields as RFC 4180 says: commas, quotes and line breaks, quotes doubled', async () => {
    const document = withTitle(backlogDocumentWithRequirements(), 'REQ-002', '承認の "迅速化", 代理承認');
    const text = utf8(await exportBytes('csv', document));
    expect(text).toContain('REQ-002,"承認の ""迅速化"", 代理承認",');
    expect(text.split('\r\n')[0]).toBe('\uFEFFキー,タイトル,種別,優先度,担当,状態,説明,受入基準,出典,業務プロセス');
    expect(parseCsv(text)[2]?.[1]).toBe('承認の "迅速化", 代理承認');
  });

  it('leaves the byte order mark out when asked', async () => {
    const bytes = await exportBytes('csv', backlogDocumentWithRequirements(), { csv: { bom: false } });
    expect([...bytes.slice(0, 3)]).not.toEqual(BOM);
    expect(utf8(bytes).startsWith('キー,')).toBe(true);
  });
});

describe('the CSV in Shift_JIS (CP932)', () => {
  it('decodes (iconv-lite) to the same text as the UTF-8 file, without a byte order mark', async () => {
    const document = backlogDocumentWithRequirements();
    const bytes = await exportBytes('csv', document, { csv: { encoding: 'cp932' } });
    expect(iconv.decode(Buffer.from(bytes), 'cp932')).toBe(utf8(await exportBytes('csv', document, { csv: { bom: false } })));
    expectGolden('requirements-cp932.csv', bytes);
  });

  it('writes characters typed on a Mac (〜 −) with the CP932 bytes of the same JIS character', async () => {
    const document = withTitle(backlogDocumentWithRequirements(), 'REQ-001', '10〜20件 −5%');
    const bytes = await exportBytes('csv', document, { csv: { encoding: 'cp932' } });
    expect(iconv.decode(Buffer.from(bytes), 'cp932')).toContain('10～20件 －5%');
    expect(toMicrosoftForms('〜‖−¢£¬—')).toBe('～∥－￠￡￢―');
  });

  it('refuses a character CP932 cannot hold, naming it, its row, its column and the requirement — never a "?"', async () => {
    const document = withTitle(backlogDocumentWithRequirements(), 'REQ-003', '𠮷野家の請求書 (café)?');
    const result = await exporterById('csv').run(document, options({ csv: { encoding: 'cp932' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'rows[4].タイトル', message: '4 行目「タイトル」（REQ-003）: 文字「𠮷」(U+20BB7) は Shift_JIS (CP932) で表せません' },
      { path: 'rows[4].タイトル', message: '4 行目「タイトル」（REQ-003）: 文字「é」(U+00E9) は Shift_JIS (CP932) で表せません' },
    ]);
    const en = await exporterById('csv').run(document, options({ lang: 'en', csv: { encoding: 'cp932' } }));
    expect(en.ok ? [] : en.problems.map((problem) => problem.message)).toContain(
      'Row 4, column "Title" (REQ-003): the character "𠮷" (U+20BB7) cannot be written in Shift_JIS (CP932)',
    );
  });

  it('applies to the tracker CSVs too', async () => {
    const document = withTitle(backlogDocumentWithRequirements(), 'REQ-001', '絵文字 📎');
    const result = await exporterById('redmine').run(document, options({ csv: { encoding: 'cp932' } }));
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['rows[3].題名']);
  });
});
