import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BACKLOG_FORMAT_VERSION, backlogEnvelopeSchema, readBacklogJson, type BacklogEnvelope } from '../../../shared/export';
import { backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';
import { expectGolden, exportBytes, repoPath, UPDATE_GOLDEN, utf8 } from './exportKit';

async function exported(lang: 'ja' | 'en' = 'ja'): Promise<string> {
  return utf8(await exportBytes('backlogJson', backlogDocumentWithRequirements(lang), { lang }));
}

function readValid(text: string): BacklogEnvelope {
  const result = readBacklogJson(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const withRaw = async (change: (raw: Record<string, unknown> & { requirements: Record<string, unknown>[] }) => void) => {
  const raw = JSON.parse(await exported());
  change(raw);
  return readBacklogJson(JSON.stringify(raw));
};

describe('the backlog JSON file', () => {
  it('is a versioned envelope with the workshop, every requirement and its trace links', async () => {
    const document = backlogDocumentWithRequirements();
    const envelope = readValid(await exported());
    expect(envelope).toMatchObject({
      type: 'kakehashi-backlog',
      formatVersion: BACKLOG_FORMAT_VERSION,
      app: 'Kakehashi 0.1.0',
      exportedAt: '2026-11-25T09:00:00.000Z',
      lang: 'ja',
      workshop: { id: 'workshop:backlogAP01', name: '買掛金業務 改善ワークショップ', organisation: '株式会社サンプル商事', businessArea: '経理・財務（買掛金）' },
      processes: [{ id: 'process:apProcess1', name: '買掛金支払' }],
    });
    expect(envelope.requirements).toEqual(document.requirements);
    expect(envelope.traceLinks).toHaveLength(document.requirements.reduce((count, requirement) => count + requirement.sources.length, 0));
    expect(envelope.traceLinks[0]).toEqual({
      requirementId: 'requirement:golden001',
      requirementKey: 'REQ-001',
      source: { kind: 'painPoint', id: 'pain:masterDt' },
      label: '取引先マスタの口座情報が Excel 台帳と食い違う',
      processId: 'process:apProcess1',
    });
  });

  it('matches the golden file', async () => {
    expectGolden('backlog.json', await exported());
  });

  it('carries the open questions, open first by due date, as workshop records', async () => {
    const document = backlogDocumentWithRequirements();
    const envelope = readValid(await exported());
    expect(envelope.questions?.map((question) => question.id)).toEqual(['question:apAsk004', 'question:apAsk001', 'question:apAsk002', 'question:apAsk003']);
    expect(envelope.questions?.find((question) => question.id === 'question:apAsk002')).toEqual(document.questions.find((question) => question.id === 'question:apAsk002'));
  });

  it('still reads a file of format 1 written before questions were added', async () => {
    const raw = JSON.parse(await exported()) as Record<string, unknown>;
    delete raw.questions;
    const envelope = readValid(JSON.stringify(raw));
    expect(envelope.questions).toBeUndefined();
    expect(envelope.requirements).toHaveLength(backlogDocumentWithRequirements().requirements.length);
  });

  it('reads back equal to what was written, in both languages', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const text = await exported(lang);
      expect(readValid(text)).toEqual(JSON.parse(text));
    }
  });

  it('keeps merged requirements, so an import restores the backlog exactly', async () => {
    const document = backlogDocumentWithRequirements();
    const [kept, absorbed] = document.requirements as [BacklogEnvelope['requirements'][number], BacklogEnvelope['requirements'][number]];
    const merged = { ...document, requirements: [kept, { ...absorbed, status: 'merged' as const, mergedIntoId: kept.id }, ...document.requirements.slice(2)] };
    const envelope = readValid(utf8(await exportBytes('backlogJson', merged)));
    expect(envelope.requirements).toHaveLength(document.requirements.length);
    expect(envelope.traceLinks.some((link) => link.requirementId === absorbed.id)).toBe(false);
  });

  it.each([
    ['text that is not JSON', async () => readBacklogJson('{"type": "kakehashi-backlog",'), '(document)', /not JSON/],
    ['a workshop file', async () => readBacklogJson('{"type": "kakehashi-workshop", "schemaVersion": 4}'), 'type', /not a Kakehashi backlog/],
    ['a newer format', () => withRaw((raw) => void (raw.formatVersion = 2)), 'formatVersion', /newer version of Kakehashi \(format 2; this app reads up to 1\)/],
    ['an invalid priority', () => withRaw((raw) => void (raw.requirements[2]!.priority = 'urgent')), 'requirements[2].priority', /./],
    ['a malformed key', () => withRaw((raw) => void (raw.requirements[0]!.key = 'REQ-1')), 'requirements[0].key', /./],
    ['a duplicate key', () => withRaw((raw) => void (raw.requirements[3]!.key = 'REQ-001')), 'requirements[3].key', /appears twice/],
    ['a requirement of another workshop', () => withRaw((raw) => void (raw.requirements[1]!.workshopId = 'workshop:someoneElse')), 'requirements[1].workshopId', /another workshop/],
    ['a merge into a missing requirement', () => withRaw((raw) => Object.assign(raw.requirements[1]!, { status: 'merged', mergedIntoId: 'requirement:missing01' })), 'requirements[1].mergedIntoId', /not in the file/],
    ['a question of another workshop', () => withRaw((raw) => void ((raw.questions as Record<string, unknown>[])[1]!.workshopId = 'workshop:someoneElse')), 'questions[1].workshopId', /another workshop/],
    ['a question with an unknown status', () => withRaw((raw) => void ((raw.questions as Record<string, unknown>[])[0]!.status = 'maybe')), 'questions[0].status', /./],
  ])('refuses %s and says where', async (_name, read, path, message) => {
    const result = await read();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.message).toMatch(message);
  });
});

describe('schemas/backlog.schema.json', () => {
  const path = repoPath('schemas/backlog.schema.json');
  const generated = `${JSON.stringify(z.toJSONSchema(backlogEnvelopeSchema), null, 2)}\n`;

  it('is what the zod schema generates (UPDATE_GOLDEN=1 npx vitest run tests/unit/export rewrites it)', () => {
    if (UPDATE_GOLDEN) writeFileSync(path, generated);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });

  it('describes the envelope: its fields, required, and the requirement record', () => {
    const schema = JSON.parse(generated) as { title: string; required: string[]; properties: Record<string, { items?: { required?: string[] } }> };
    expect(schema.title).toBe('Kakehashi requirement backlog');
    expect(schema.required).toEqual(['type', 'formatVersion', 'app', 'exportedAt', 'lang', 'workshop', 'processes', 'requirements', 'traceLinks']);
    expect(schema.properties.requirements?.items?.required).toContain('acceptanceCriteria');
    expect(schema.properties.questions?.items?.required).toEqual(expect.arrayContaining(['text', 'ownerSide', 'assigneeId', 'dueDate', 'status', 'answer']));
  });
});
