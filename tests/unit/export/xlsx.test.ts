import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportContext, workbookSheets } from '../../../shared/export';
import { backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';
import { expectGolden, exportBytes, FORMULA_START, options } from './exportKit';

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** A sheet as exceljs reads it back: frozen rows, filter, widths, wrapping, and every cell's value. */
function dump(sheet: ExcelJS.Worksheet) {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value ?? null));
  });
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  return {
    name: sheet.name,
    frozen: { state: view?.state, ySplit: view?.ySplit },
    autoFilter: sheet.autoFilter,
    widths: sheet.columns.map((column) => column.width),
    wrapped: sheet.getCell(2, 1).alignment?.wrapText ?? null,
    headerBold: sheet.getRow(1).getCell(1).font?.bold ?? null,
    rows,
  };
}

describe('the XLSX workbook', () => {
  it('reads back (exceljs) with six sheets, frozen filtered headers, widths and wrapped text; golden contents', async () => {
    const document = backlogDocumentWithRequirements();
    const workbook = await readWorkbook(await exportBytes('xlsx', document));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['要件', '困りごと', '例外処理', 'トレーサビリティ', 'KPI', '確認事項']);
    const sheets = workbook.worksheets.map(dump);
    for (const sheet of sheets) {
      expect(sheet.frozen).toEqual({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.headerBold).toBe(true);
      expect(sheet.widths.every((width) => typeof width === 'number' && width >= 8)).toBe(true);
    }
    expect(sheets[0]?.wrapped).toBe(true);
    expectGolden('backlog.xlsx.json', `${JSON.stringify(sheets, null, 2)}\n`);
  });

  it('holds what the sheets were built from, text neutralised and numbers as numbers', async () => {
    const document = backlogDocumentWithRequirements();
    const workbook = await readWorkbook(await exportBytes('xlsx', document));
    const expected = workbookSheets(exportContext(document, options()));
    const requirements = dump(workbook.worksheets[0]!).rows;
    expect(requirements).toHaveLength(document.requirements.length + 1);
    expect(requirements[1]?.slice(0, 3)).toEqual(['REQ-001', document.requirements[0]!.title, 'データ・マスタ']);
    expect(requirements.at(-1)?.[6]).toBe("'- 月末3営業日も画面の応答は2秒以内\n- 同時利用30人");
    const painPoints = dump(workbook.worksheets[1]!).rows;
    expect(painPoints[1]?.[4]).toBe(4); // severity, a number
    expect(painPoints[1]?.[11]).toBe("'- Excel の支払依頼書を見ながら手入力\n- 転記ミスが月数件");
    expect(painPoints).toHaveLength((expected[1]?.rows.length ?? 0) + 1);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(typeof cell.value === 'string' && FORMULA_START.test(cell.value)).toBe(false)));
    }
  });

  it('has English sheet names and headers in English', async () => {
    const workbook = await readWorkbook(await exportBytes('xlsx', backlogDocumentWithRequirements('en'), { lang: 'en' }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Requirements', 'Pain points', 'Exceptions', 'Traceability', 'KPIs', 'Open questions']);
    expect(workbook.worksheets[3]!.getRow(1).values).toEqual([undefined, 'Requirement key', 'Requirement title', 'Source kind', 'Source', 'Source ID', 'Process']);
    expect(workbook.worksheets[5]!.getRow(1).values).toEqual([undefined, 'Question', 'Process', 'To be answered by', 'Assignee', 'Due date', 'Status', 'Answer', 'Session']);
    expect(workbook.worksheets[5]!.getRow(2).values).toEqual([undefined, '代理承認の権限は誰が設定するか', '買掛金支払', 'IT', '佐藤 健', '2026-11-27', 'Open', '', '']);
  });

  it('lists the open questions on their own sheet, open first by due date, styled like the others', async () => {
    const document = backlogDocumentWithRequirements();
    const workbook = await readWorkbook(await exportBytes('xlsx', document));
    const sheet = workbook.getWorksheet('確認事項')!;
    const { rows, frozen, autoFilter, headerBold, wrapped } = dump(sheet);
    expect({ frozen, headerBold, wrapped }).toEqual({ frozen: { state: 'frozen', ySplit: 1 }, headerBold: true, wrapped: true });
    expect(autoFilter).toBe('A1:H1');
    expect(rows).toEqual([
      ['確認事項', '業務プロセス', '回答する側', '担当者', '期限', '状態', '回答', 'セッション'],
      ['代理承認の権限は誰が設定するか', '買掛金支払', 'IT', '佐藤 健', '2026-11-27', '未回答', '', ''],
      ['締め後に届いた請求書は、翌月計上でよいか', '買掛金支払', '経理', '田中 花子', '2026-11-30', '未回答', '', ''],
      ["'=新会計システムの API で支払データを出力できるか\n（FB データ形式）", 'ワークショップ全体', 'IT', '佐藤 健', '', '回答済み', 'CSV と REST API の両方で出力できる', ''],
      ['支払依頼書の保存期間は何年か', '買掛金支払', 'その他', '', '2026-11-20', '完了', '7年（電子帳簿保存法）', ''],
    ]);
  });

  it('limits the questions to the exported process and the whole workshop', async () => {
    const document = backlogDocumentWithRequirements();
    const elsewhere = { ...document.questions[0]!, id: 'question:otherPr1' as never, processId: 'process:otherPrc1' as never, text: '別プロセスの質問' };
    const withOther = { ...document, questions: [...document.questions, elsewhere] };
    const all = workbookSheets(exportContext(withOther, options())).at(-1)!;
    const limited = workbookSheets(exportContext(withOther, options({ processId: document.processes[0]!.id }))).at(-1)!;
    expect(all.rows.map((row) => row[0])).toContain('別プロセスの質問');
    expect(limited.rows).toHaveLength(4);
    expect(limited.rows.map((row) => row[0])).not.toContain('別プロセスの質問');
  });
});
