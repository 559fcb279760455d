export { processTemplateIds, defineTemplate } from './types';
export type {
  Localized,
  ProcessTemplate,
  ProcessTemplateId,
  TemplateConnection,
  TemplateLane,
  TemplateStep,
} from './types';
export { processTemplates, findTemplate, isProcessTemplateId, blankLanes } from './processTemplates';
export {
  instantiateTemplate,
  blankMapLanes,
  templateStepPosition,
  TEMPLATE_CELL_WIDTH,
  TEMPLATE_COLUMN_PITCH,
  TEMPLATE_ROW_PITCH,
} from './instantiate';
export type { TemplateContext, TemplateRecords } from './instantiate';
