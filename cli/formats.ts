import { exporters, type Exporter, type ExporterId } from '../shared/export';

/** What `--format` accepts: every exporter of the app's registry, plus one process map as BPMN 2.0. */
export type FormatId = ExporterId | 'bpmn';

export interface CliFormat {
  readonly id: FormatId;
  /** English: the command line speaks English whatever `--lang` the export is in. */
  readonly label: string;
  /** Without the dot. */
  readonly extension: string;
  /** Whether `--encoding` applies. */
  readonly csv: boolean;
  /** The registry's exporter; none for BPMN, which exports a map rather than the backlog. */
  readonly exporter: Exporter | null;
}

export const BPMN_FORMAT: CliFormat = {
  id: 'bpmn',
  label: "BPMN 2.0 of one process's As-Is or To-Be map (.bpmn)",
  extension: 'bpmn',
  csv: false,
  exporter: null,
};

/** In the order the app lists the backlog exports, then BPMN. */
export const cliFormats: readonly CliFormat[] = [
  ...exporters.map((exporter) => ({ id: exporter.id, label: exporter.labels.en, extension: exporter.extension, csv: exporter.csv, exporter })),
  BPMN_FORMAT,
];

/** The format with this id; ids are matched ignoring case (`azuredevops` is `azureDevOps`). */
export function formatById(id: string): CliFormat | undefined {
  const wanted = id.toLowerCase();
  return cliFormats.find((format) => format.id.toLowerCase() === wanted);
}
