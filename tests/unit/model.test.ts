import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_LENGTH,
  createProcess,
  createWorkshop,
  matchesWorkshopQuery,
  moveProcess,
  nameProblem,
  newId,
  normaliseName,
  sortProcesses,
  stepIdSchema,
  workshopIdSchema,
  workshopSchema,
  type Process,
} from '../../shared/model';

const now = '2026-11-24T10:00:00.000Z';

describe('ids', () => {
  it('are prefixed by their kind and validated as that kind only', () => {
    const id = newId('step');
    expect(id).toMatch(/^step:[A-Za-z0-9_-]{21}$/);
    expect(stepIdSchema.safeParse(id).success).toBe(true);
    expect(workshopIdSchema.safeParse(id).success).toBe(false);
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId('lane')));
    expect(ids.size).toBe(2000);
  });
});

describe('workshop names', () => {
  it('refuses empty and whitespace-only names, including the full-width space', () => {
    expect(nameProblem('')).toBe('empty');
    expect(nameProblem('   ')).toBe('empty');
    expect(nameProblem('\u3000\u3000')).toBe('empty');
  });

  it('refuses a 10,000-character name and accepts one of the maximum length', () => {
    expect(nameProblem('あ'.repeat(10_000))).toBe('tooLong');
    expect(nameProblem('あ'.repeat(MAX_NAME_LENGTH))).toBeNull();
  });

  it('folds runs of spaces and trims', () => {
    expect(normaliseName('  買掛金\u3000\u3000業務  ')).toBe('買掛金 業務');
  });
});

describe('createWorkshop', () => {
  it('gives a valid record with a normalised name, not in the trash', () => {
    const workshop = createWorkshop({ name: ' 月次決算 ', organisation: '株式会社サンプル' }, now);
    expect(workshopSchema.parse(workshop)).toEqual(workshop);
    expect(workshop.name).toBe('月次決算');
    expect(workshop.deletedAt).toBeNull();
    expect(workshop.participants).toEqual([]);
  });

  it('keeps markup in a name as plain text', () => {
    const workshop = createWorkshop({ name: '<img src=x onerror=alert(1)>' }, now);
    expect(workshop.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('processes', () => {
  const workshopId = newId('workshop');

  it('a new process gets an empty As-Is map of its own and goes last', () => {
    const first = createProcess(workshopId, '買掛金支払', [], now);
    const second = createProcess(workshopId, '経費精算', [first.process], now);
    expect(first.asIsMap).toMatchObject({ processId: first.process.id, variant: 'asIs', forkedFromMapId: null, workshopId });
    expect(first.process.asIsMapId).toBe(first.asIsMap.id);
    expect(first.process.toBeMapId).toBeNull();
    expect(second.process.order).toBeGreaterThan(first.process.order);
  });

  function threeProcesses(): Process[] {
    const a = createProcess(workshopId, 'A', [], now).process;
    const b = createProcess(workshopId, 'B', [a], now).process;
    const c = createProcess(workshopId, 'C', [a, b], now).process;
    return [a, b, c];
  }
  const namesAfter = (processes: Process[], changed: Process[]) => {
    const byId = new Map(processes.map((process) => [process.id, process]));
    for (const process of changed) byId.set(process.id, process);
    return sortProcesses([...byId.values()]).map((process) => process.name);
  };

  it('moving one process writes only that process', () => {
    const processes = threeProcesses();
    const changed = moveProcess(processes, processes[2]!.id, 0, now);
    expect(changed).toHaveLength(1);
    expect(namesAfter(processes, changed)).toEqual(['C', 'A', 'B']);
  });

  it('moves down, to the end, and ignores a move to the same place', () => {
    const processes = threeProcesses();
    expect(namesAfter(processes, moveProcess(processes, processes[0]!.id, 1, now))).toEqual(['B', 'A', 'C']);
    expect(namesAfter(processes, moveProcess(processes, processes[0]!.id, 99, now))).toEqual(['B', 'C', 'A']);
    expect(moveProcess(processes, processes[1]!.id, 1, now)).toEqual([]);
  });
});

describe('workshop search', () => {
  const workshop = { name: '買掛金業務ワークショップ', organisation: 'ＡＢＣ商事', businessArea: '経理・財務' };

  it('matches every word in name, organisation or area, ignoring width and case', () => {
    expect(matchesWorkshopQuery(workshop, '')).toBe(true);
    expect(matchesWorkshopQuery(workshop, '買掛金')).toBe(true);
    expect(matchesWorkshopQuery(workshop, 'abc 経理')).toBe(true);
    expect(matchesWorkshopQuery(workshop, '買掛金 経費')).toBe(false);
  });
});
