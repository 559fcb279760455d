import { create } from 'zustand';
import { problemsFromZod, recordSchemas, type RecordOf, type RecordTable } from '../../../shared/model';

export interface RowProblem {
  readonly table: RecordTable;
  readonly id: string;
  readonly message: string;
}

interface RowProblemState {
  readonly problems: ReadonlyMap<string, RowProblem>;
  report(problem: RowProblem): void;
}

/** Rows that failed validation when read back: shown to the user, never dropped silently. */
export const useRowProblems = create<RowProblemState>((set) => ({
  problems: new Map(),
  report: (problem) =>
    set((state) => {
      const key = `${problem.table}/${problem.id}`;
      if (state.problems.get(key)?.message === problem.message) return state;
      const problems = new Map(state.problems);
      problems.set(key, problem);
      return { problems };
    }),
}));

/** Validates rows read from the database; invalid ones are reported and left out of the result. */
export function validRows<T extends RecordTable>(table: T, rows: readonly unknown[]): RecordOf<T>[] {
  const schema = recordSchemas[table];
  const valid: RecordOf<T>[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) {
      valid.push(parsed.data as RecordOf<T>);
    } else {
      const id = typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : '(no id)';
      const message = problemsFromZod(parsed.error)
        .map((problem) => `${problem.path}: ${problem.message}`)
        .join('; ');
      useRowProblems.getState().report({ table, id, message });
    }
  }
  return valid;
}

export function validRow<T extends RecordTable>(table: T, row: unknown): RecordOf<T> | undefined {
  return row === undefined ? undefined : validRows(table, [row])[0];
}
