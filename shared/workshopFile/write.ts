import type { WorkshopDocument } from '../model/document';
import { workshopChildTables } from '../model/records';

/** The envelope in the order the README documents: what the file is first, then the workshop, then its records. */
const ENVELOPE_KEYS = ['type', 'schemaVersion', 'app', 'savedAt', 'workshop', ...workshopChildTables] as const;

/**
 * A workshop document as `.kakehashi` text: indented JSON ending in a newline, so two
 * facilitators' files can be compared line by line. Keys inside records are sorted, so the
 * same workshop always gives the same text however its records were put together (Dexie rows,
 * spreads, migrations); arrays keep their order. `readWorkshopFile` of the result gives back an
 * equal document.
 */
export function writeWorkshopFile(document: WorkshopDocument): string {
  const envelope = Object.fromEntries(ENVELOPE_KEYS.map((key) => [key, document[key]]));
  const sortKeys = (_key: string, value: unknown): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && value !== envelope
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value;
  return `${JSON.stringify(envelope, sortKeys, 2)}\n`;
}
