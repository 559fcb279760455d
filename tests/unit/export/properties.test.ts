import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBacklogJson, utf8Bytes, type ExporterId } from '../../../shared/export';
import {
  moscowSchema,
  requirementOwnerSchema,
  requirementStatusSchema,
  requirementTypeSchema,
  type Requirement,
  type RequirementId,
  type RequirementSource,
  type WorkshopDocument,
  type WorkshopId,
} from '../../../shared/model';
import { BACKLOG_WORKSHOP_ID, backlogDocument } from '../../fixtures/backlogDocument';
import { exportBytes, FORMULA_START, parseCsv, utf8 } from './exportKit';

const base = backlogDocument();

/** Text as people type and paste it: any Unicode, often led by a formula trigger or a line break. */
const text = (maxLength: number) =>
  fc.tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '\n', '＝', "'", ' '), fc.string({ unit: 'binary', maxLength })).map(([lead, rest]) => lead + rest);

const timestamp = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((date) => date.toISOString());

/** Sources the fixture holds, and some it does not (deleted since). */
const source: fc.Arbitrary<RequirementSource> = fc.oneof(
  fc.constantFrom(...base.painPoints.map((pain): RequirementSource => ({ kind: 'painPoint', id: pain.id }))),
  fc.constantFrom(...base.steps.map((step): RequirementSource => ({ kind: 'asIsStep', id: step.id }))),
  fc.constantFrom(...base.exceptions.map((exception): RequirementSource => ({ kind: 'exception', id: exception.id }))),
  fc.constantFrom(...base.kpis.map((kpi): RequirementSource => ({ kind: 'kpi', id: kpi.id }))),
  fc.stringMatching(/^[A-Za-z0-9_-]{6,20}$/).map((body): RequirementSource => ({ kind: 'reportField', id: `field:${body}` as never })),
);

/** Any valid backlog: unique ids and keys, any text, any status (merges pointing inside it). */
const backlog: fc.Arbitrary<Requirement[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 0, maxLength: 12 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers.map((number) =>
        fc.record({
          title: text(60),
          description: text(200),
          type: fc.constantFrom(...requirementTypeSchema.options),
          priority: fc.constantFrom(...moscowSchema.options),
          owner: fc.constantFrom(...requirementOwnerSchema.options),
          acceptanceCriteria: fc.array(text(80), { maxLength: 4 }),
          sources: fc.array(source, { maxLength: 4 }),
          status: fc.constantFrom(...requirementStatusSchema.options.filter((status) => status !== 'merged')),
          order: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
          createdAt: timestamp,
          updatedAt: timestamp,
        }).map(
          (fields): Requirement => ({
            ...fields,
            id: `requirement:prop${String(number).padStart(5, '0')}` as RequirementId,
            workshopId: BACKLOG_WORKSHOP_ID as WorkshopId,
            key: `REQ-${String(number).padStart(3, '0')}`,
            origins: [],
            mergedIntoId: null,
          }),
        ),
      ),
    ),
  )
  .map((requirements) =>
    // Every third one merged into the first, as merging leaves them.
    requirements.map((requirement, index) =>
      index > 0 && index % 3 === 0 ? { ...requirement, status: 'merged' as const, mergedIntoId: requirements[0]!.id } : requirement,
    ),
  );

const withBacklog = (requirements: Requirement[]): WorkshopDocument => ({ ...base, requirements });

describe('properties', () => {
  it('any backlog round-trips through the JSON file', async () => {
    await fc.assert(
      fc.asyncProperty(backlog, fc.constantFrom('ja' as const, 'en' as const), async (requirements, lang) => {
        const result = readBacklogJson(utf8(await exportBytes('backlogJson', withBacklog(requirements), { lang })));
        expect(result.ok ? [] : result.problems).toEqual([]);
        if (!result.ok) return;
        const byOrder = [...requirements].sort((a, b) => a.order - b.order || Number(a.key.slice(4)) - Number(b.key.slice(4)));
        expect(result.value.requirements).toEqual(byOrder);
      }),
      { numRuns: 150 },
    );
  });

  it.each<ExporterId>(['csv', 'jira', 'azureDevOps', 'redmine'])('no cell of the %s CSV starts a formula, and every requirement is there', async (id) => {
    await fc.assert(
      fc.asyncProperty(backlog, async (requirements) => {
        const rows = parseCsv(utf8(await exportBytes(id, withBacklog(requirements))));
        for (const row of rows) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
        const listed = requirements.filter((requirement) => requirement.status !== 'merged');
        expect(rows.length).toBeGreaterThanOrEqual(listed.length + 1);
      }),
      { numRuns: 60 },
    );
  });

  it('no cell of the XLSX workbook starts a formula', async () => {
    const painText = fc.array(text(40), { minLength: base.painPoints.length, maxLength: base.painPoints.length });
    await fc.assert(
      fc.asyncProperty(backlog, painText, async (requirements, titles) => {
        const document = { ...withBacklog(requirements), painPoints: base.painPoints.map((pain, index) => ({ ...pain, title: titles[index]!, description: titles[index]! })) };
        const workbook = new ExcelJS.Workbook();
        const bytes = await exportBytes('xlsx', document);
        await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        for (const sheet of workbook.worksheets) {
          sheet.eachRow((row) => row.eachCell((cell) => {
            if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FORMULA_START);
            expect(cell.formula ?? null).toBeNull();
          }));
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('utf8Bytes', () => {
  it('writes what TextEncoder writes, lone surrogates included, with or without a byte order mark', () => {
    const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 60 });
    const anyText = fc.oneof(anyUnits, fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, bom) => {
        expect([...utf8Bytes(text, bom)]).toEqual([...new TextEncoder().encode(bom ? `\uFEFF${text}` : text)]);
      }),
      { numRuns: 2000 },
    );
  });
});
