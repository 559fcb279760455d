export { mapToBpmn } from './export';
export type { BpmnExportOptions } from './export';
export { bpmnToMap } from './import';
export type { BpmnImportOptions, ImportedMap, UnmappedElement } from './import';
export { bpmnTypeOfDataStep, bpmnTypeOfStep, stepTypeOfBpmn } from './mapping';
