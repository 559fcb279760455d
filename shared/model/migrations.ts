import type { RecordTable } from './records';

export type RawRecord = Record<string, unknown>;

/**
 * One numbered schema change. It turns records of schema `version - 1` into records of
 * `version`, per collection, as pure functions: the same code upgrades a workshop file being
 * opened and the rows of the local database (Dexie `.upgrade()`), and is tested on fixtures
 * without IndexedDB. Collections a migration does not name are unchanged.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly records: { readonly [T in RecordTable]?: (record: RawRecord) => RawRecord };
}

/**
 * Append only, never edit one that has shipped: version n is at index n - 2. A migration spells
 * out its own values instead of calling today's constructors (such as `newStep`), so later
 * changes to those cannot change what an old file migrates to.
 */
export const migrations: readonly Migration[] = [
  {
    version: 2,
    description: 'steps gain their attributes: performers, system, tools, frequency, volume, touch and wait time, inputs, outputs',
    records: {
      steps: (step) => ({
        performers: [],
        system: '',
        tools: [],
        frequency: null,
        volume: '',
        touchMinutes: null,
        waitMinutes: null,
        inputs: [],
        outputs: [],
        ...step,
      }),
    },
  },
  {
    version: 3,
    description: 'pain points and exceptions remember the interview note they came from; exceptions who raised them',
    records: {
      painPoints: (painPoint) => ({ sourceNoteId: null, ...painPoint }),
      exceptions: (exception) => ({ raisedBy: null, sourceNoteId: null, ...exception }),
    },
  },
  {
    version: 4,
    description: 'requirements remember what generated them (origins) and what they were merged into',
    records: {
      requirements: (requirement) => ({ origins: [], mergedIntoId: null, ...requirement }),
    },
  },
  {
    version: 5,
    description: 'workshop mode: sticky notes, open questions, parking lot, dot votes and the agenda (new collections, empty in older files)',
    // Nothing to rewrite: a document without these collections reads them as empty, and the
    // database creates their tables. The entry exists so files and the database say schema 5.
    records: {},
  },
];

export const CURRENT_SCHEMA_VERSION = 1 + migrations.length;

/** The migrations that take records written at `fromVersion` to the current version. */
export function migrationsFrom(
  fromVersion: number,
  available: readonly Migration[] = migrations,
): readonly Migration[] {
  return available.filter((migration) => migration.version > fromVersion);
}

export function migrateRecord(
  table: RecordTable,
  record: RawRecord,
  fromVersion: number,
  available: readonly Migration[] = migrations,
): RawRecord {
  let current = record;
  for (const migration of migrationsFrom(fromVersion, available)) {
    const step = migration.records[table];
    if (step) current = step(current);
  }
  return current;
}
