import { describe, expect, it } from 'vitest';
import { exporterById, exporters, suggestedFileName } from '../../../shared/export';
import { backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';
import { options } from './exportKit';

describe('the exporter registry', () => {
  it('lists every format once, each with labels in both languages, an extension and a MIME type', () => {
    expect(exporters.map((exporter) => [exporter.id, exporter.extension, exporter.mimeType, exporter.csv])).toEqual([
      ['xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
      ['csv', 'csv', 'text/csv', true],
      ['jira', 'csv', 'text/csv', true],
      ['azureDevOps', 'csv', 'text/csv', true],
      ['redmine', 'csv', 'text/csv', true],
      ['reqif', 'reqif', 'application/xml', false],
      ['markdown', 'md', 'text/markdown', false],
      ['backlogJson', 'json', 'application/json', false],
    ]);
    for (const exporter of exporters) {
      expect(exporter.labels.ja).not.toBe('');
      expect(exporter.labels.en).not.toBe('');
    }
  });

  it('runs every exporter on the fixture, giving bytes', async () => {
    const document = backlogDocumentWithRequirements();
    for (const exporter of exporters) {
      const result = await exporter.run(document, options());
      expect(result.ok && result.value.byteLength > 1000).toBe(true);
    }
  });

  it('suggests a file name a save dialog accepts, distinct per format', () => {
    const document = backlogDocumentWithRequirements();
    const named = { ...document, workshop: { ...document.workshop, name: '買掛金/支払: 2026?' } };
    expect(suggestedFileName(named, exporterById('csv'), '2026-11-25T09:00:00.000Z')).toBe('買掛金_支払_ 2026__backlog_2026-11-25.csv');
    expect(suggestedFileName(document, exporterById('jira'), '2026-11-25T09:00:00.000Z')).toBe('買掛金業務 改善ワークショップ_backlog_jira_2026-11-25.csv');
    expect(new Set(exporters.map((exporter) => suggestedFileName(document, exporter, '2026-11-25T09:00:00.000Z'))).size).toBe(exporters.length);
  });
});
