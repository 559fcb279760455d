import { GRID, LANE_HEADER_WIDTH, LANE_PADDING, STEP_GAP, stepSize } from '../editor/geometry';
import { newId, type LaneId, type MapId, type StepId, type WorkshopId } from '../model/ids';
import { stepTypeSchema, type Connection, type Lane, type Step, type StepType } from '../model/map';
import type { Language } from '../platform/bridge';
import { blankLanes } from './processTemplates';
import type { Localized, ProcessTemplate, TemplateLane, TemplateStep } from './types';

export interface TemplateContext {
  readonly workshopId: WorkshopId;
  readonly mapId: MapId;
}

export interface TemplateRecords {
  readonly lanes: Lane[];
  readonly steps: Step[];
  readonly connections: Connection[];
}

// ---------------------------------------------------------------- grid layout

const ceilToGrid = (value: number): number => Math.ceil(value / GRID) * GRID;

const allSizes = stepTypeSchema.options.map(stepSize);
const WIDEST = Math.max(...allSizes.map((size) => size.width));
const TALLEST = Math.max(...allSizes.map((size) => size.height));
const TASK_HEIGHT = stepSize('manualTask').height;

/** Width of one template column: the widest shape with a grid step of air either side. */
export const TEMPLATE_CELL_WIDTH = ceilToGrid(WIDEST + 2 * GRID);
/** Distance between column starts. */
export const TEMPLATE_COLUMN_PITCH = TEMPLATE_CELL_WIDTH + STEP_GAP;
/** Distance between rows inside a lane: the tallest shape plus a grid step. */
export const TEMPLATE_ROW_PITCH = ceilToGrid(TALLEST + GRID);
/**
 * Top of a task box in row 0. At least the lane padding, and low enough that the tallest shape
 * (the decision diamond) centred on the same line still keeps a grid step off the lane's top.
 */
const FIRST_TASK_TOP = Math.max(LANE_PADDING, ceilToGrid(GRID + TALLEST / 2 - TASK_HEIGHT / 2));

/**
 * Where a template step goes, relative to its lane: shapes are centred in their column and on
 * the row's centre line (the middle of a task box), so arrows between steps of one row run straight.
 */
export function templateStepPosition(type: StepType, column: number, row = 0): { x: number; y: number } {
  const size = stepSize(type);
  const centreX = LANE_HEADER_WIDTH + LANE_PADDING + TEMPLATE_CELL_WIDTH / 2 + column * TEMPLATE_COLUMN_PITCH;
  const centreY = FIRST_TASK_TOP + TASK_HEIGHT / 2 + row * TEMPLATE_ROW_PITCH;
  return { x: centreX - size.width / 2, y: centreY - size.height / 2 };
}

// ---------------------------------------------------------------- records

function instantiateLanes(lanes: readonly TemplateLane[], language: Language, ctx: TemplateContext): Map<string, Lane> {
  const byKey = new Map<string, Lane>();
  lanes.forEach((lane, index) => {
    if (byKey.has(lane.key)) throw new Error(`template lane key "${lane.key}" is used twice`);
    byKey.set(lane.key, {
      id: newId('lane'),
      workshopId: ctx.workshopId,
      mapId: ctx.mapId,
      name: lane.name[language],
      kind: lane.kind,
      color: lane.color,
      order: index + 1,
    });
  });
  return byKey;
}

function instantiateStep(step: TemplateStep, laneId: LaneId, language: Language, ctx: TemplateContext): Step {
  const pick = (text: Localized): string => text[language];
  return {
    id: newId('step'),
    workshopId: ctx.workshopId,
    mapId: ctx.mapId,
    laneId,
    type: step.type,
    label: pick(step.label),
    position: templateStepPosition(step.type, step.column, step.row ?? 0),
    originStepId: null,
    performers: (step.performers ?? []).map((role) => ({ kind: 'role' as const, role: pick(role) })),
    system: step.system ? pick(step.system) : '',
    tools: (step.tools ?? []).map(pick),
    frequency: step.frequency ?? null,
    volume: step.volume ? pick(step.volume) : '',
    touchMinutes: step.touchMinutes ?? null,
    waitMinutes: step.waitMinutes ?? null,
    inputs: (step.inputs ?? []).map(pick),
    outputs: (step.outputs ?? []).map(pick),
    notes: step.notes ? pick(step.notes) : '',
  };
}

/**
 * The lanes, steps and connections of a new map drawn from a template, in one language, with
 * fresh ids. Lanes are ordered 1..n as listed; steps are placed on the template grid.
 * Throws when the template refers to a lane or step key it does not define.
 */
export function instantiateTemplate(template: ProcessTemplate, language: Language, ctx: TemplateContext): TemplateRecords {
  const lanes = instantiateLanes(template.lanes, language, ctx);

  const steps = new Map<string, Step>();
  for (const step of template.steps) {
    const lane = lanes.get(step.lane);
    if (!lane) throw new Error(`template "${template.id}": step "${step.key}" is in unknown lane "${step.lane}"`);
    if (steps.has(step.key)) throw new Error(`template "${template.id}": step key "${step.key}" is used twice`);
    steps.set(step.key, instantiateStep(step, lane.id, language, ctx));
  }

  const stepId = (key: string): StepId => {
    const step = steps.get(key);
    if (!step) throw new Error(`template "${template.id}": connection refers to unknown step "${key}"`);
    return step.id;
  };
  const connections = template.connections.map(
    (connection): Connection => ({
      id: newId('connection'),
      workshopId: ctx.workshopId,
      mapId: ctx.mapId,
      kind: connection.kind ?? 'sequence',
      sourceStepId: stepId(connection.from),
      targetStepId: stepId(connection.to),
      label: connection.label ? connection.label[language] : '',
    }),
  );

  return { lanes: [...lanes.values()], steps: [...steps.values()], connections };
}

/** The lanes of a new blank process map (経理部, 現場部門, 会計システム, 取引先), with no steps. */
export function blankMapLanes(language: Language, ctx: TemplateContext): Lane[] {
  return [...instantiateLanes(blankLanes, language, ctx).values()];
}
