import { readdirSync, readFileSync } from 'node:fs';
import { readWorkshopFile, type WorkshopFileResult } from '../../../shared/workshopFile';
import type { WorkshopDocument } from '../../../shared/model';

const documentsFolder = new URL('../../fixtures/documents/', import.meta.url);
const badFilesFolder = new URL('../../fixtures/bad-files/', import.meta.url);

/** Every workshop document fixture, so one added later (a new schema version) is covered too. */
export const documentFixtures = readdirSync(documentsFolder).filter((name) => name.endsWith('.kakehashi'));

export const documentFixtureBytes = (name: string): Uint8Array => readFileSync(new URL(name, documentsFolder));
export const badFileBytes = (name: string): Uint8Array => readFileSync(new URL(name, badFilesFolder));

/** A fixture read as the app reads a file; fails the test if it does not read. */
export function documentFixture(name: string): WorkshopDocument {
  return valid(readWorkshopFile(documentFixtureBytes(name), name));
}

export function valid(result: WorkshopFileResult): WorkshopDocument {
  if (!result.ok) throw new Error(`expected a workshop, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.value;
}

/** The one problem of a result that should have failed with exactly one. */
export function onlyProblem(result: WorkshopFileResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  if (result.problems.length !== 1) throw new Error(`expected one problem, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.problems[0]!;
}
