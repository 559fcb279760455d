import Dexie, { type Table, type Transaction } from 'dexie';
import { migrations, recordTables, type RawRecord, type RecordOf, type RecordTable } from '../../../shared/model';

export const DATABASE_NAME = 'kakehashi';

type Tables = { [T in RecordTable]: Table<RecordOf<T>, string> };

/**
 * One table per record type, so one edit writes one small row. Every `version(n)` declaration
 * stays here forever; data changes run the pure migrations of `shared/model/migrations.ts`
 * in `.upgrade()`.
 */
export class KakehashiDatabase extends Dexie {
  declare workshops: Tables['workshops'];
  declare processes: Tables['processes'];
  declare maps: Tables['maps'];
  declare lanes: Tables['lanes'];
  declare steps: Tables['steps'];
  declare connections: Tables['connections'];
  declare painPoints: Tables['painPoints'];
  declare exceptions: Tables['exceptions'];
  declare approvalRules: Tables['approvalRules'];
  declare reportFields: Tables['reportFields'];
  declare kpis: Tables['kpis'];
  declare interviewSessions: Tables['interviewSessions'];
  declare interviewNotes: Tables['interviewNotes'];
  declare requirements: Tables['requirements'];
  declare stickyNotes: Tables['stickyNotes'];
  declare questions: Tables['questions'];
  declare parkingItems: Tables['parkingItems'];
  declare votes: Tables['votes'];
  declare agendaItems: Tables['agendaItems'];

  constructor(name: string = DATABASE_NAME) {
    // 'strict' makes Chromium flush to disk before reporting the commit, so "Saved" means saved.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      workshops: 'id, updatedAt',
      processes: 'id, workshopId',
      maps: 'id, workshopId, processId',
      lanes: 'id, workshopId, mapId',
      steps: 'id, workshopId, mapId, laneId',
      connections: 'id, workshopId, mapId',
      painPoints: 'id, workshopId, processId',
      exceptions: 'id, workshopId, processId, stepId',
      approvalRules: 'id, workshopId, processId, stepId',
      reportFields: 'id, workshopId, processId, stepId',
      kpis: 'id, workshopId, processId',
      interviewSessions: 'id, workshopId',
      interviewNotes: 'id, workshopId, sessionId',
      requirements: 'id, workshopId',
    });
    this.version(2)
      .stores({})
      .upgrade((transaction) => upgradeRecords(transaction, 2));
    this.version(3)
      .stores({})
      .upgrade((transaction) => upgradeRecords(transaction, 3));
    this.version(4)
      .stores({})
      .upgrade((transaction) => upgradeRecords(transaction, 4));
    // Workshop mode: new tables, nothing to rewrite.
    this.version(5)
      .stores({
        stickyNotes: 'id, workshopId, mapId',
        questions: 'id, workshopId',
        parkingItems: 'id, workshopId',
        votes: 'id, workshopId',
        agendaItems: 'id, workshopId',
      })
      .upgrade((transaction) => upgradeRecords(transaction, 5));
  }

  allRecordTables(): Table[] {
    return recordTables.map((name) => this[name]);
  }
}

/** Runs migration `version` of `shared/model/migrations.ts` on every stored row it touches. */
async function upgradeRecords(transaction: Transaction, version: number): Promise<void> {
  const migration = migrations.find((candidate) => candidate.version === version);
  if (!migration) throw new Error(`no migration to schema ${version}`);
  for (const [table, migrate] of Object.entries(migration.records)) {
    await transaction
      .table(table)
      .toCollection()
      .modify((row: RawRecord, context: { value: RawRecord }) => {
        context.value = migrate(row);
      });
  }
}
