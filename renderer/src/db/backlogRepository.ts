import { nowTimestamp, type Requirement, type RequirementId, type WorkshopId } from '../../../shared/model';
import type { KakehashiDatabase } from './database';
import { trackWrite } from './saveStatus';

/** Writes changed requirements (and removes some) in one transaction, marking the workshop updated. */
export async function writeRequirements(
  db: KakehashiDatabase,
  workshopId: WorkshopId,
  put: readonly Requirement[],
  remove: readonly RequirementId[] = [],
): Promise<void> {
  if (put.length === 0 && remove.length === 0) return;
  await trackWrite(() =>
    db.transaction('rw', [db.requirements, db.workshops], async () => {
      if (put.some((requirement) => requirement.workshopId !== workshopId)) throw new Error('a requirement of another workshop');
      if (remove.length > 0) await db.requirements.bulkDelete([...remove]);
      if (put.length > 0) await db.requirements.bulkPut([...put]);
      await db.workshops.update(workshopId, { updatedAt: nowTimestamp() });
    }),
  );
}

/** Replaces the workshop's whole backlog (an imported backlog file), in one transaction. */
export async function replaceRequirements(db: KakehashiDatabase, workshopId: WorkshopId, requirements: readonly Requirement[]): Promise<void> {
  await trackWrite(() =>
    db.transaction('rw', [db.requirements, db.workshops], async () => {
      await db.requirements.where('workshopId').equals(workshopId).delete();
      await db.requirements.bulkPut([...requirements]);
      await db.workshops.update(workshopId, { updatedAt: nowTimestamp() });
    }),
  );
}
