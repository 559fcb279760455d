import type { Step } from '../model/map';
import type { MapRecords } from './mapState';

export interface MapMetrics {
  /** Steps of work: everything but start and end. */
  readonly stepCount: number;
  /** Manual tasks and spreadsheet work. */
  readonly manualSteps: number;
  /** Spreadsheet steps, and steps whose tools name Excel or a spreadsheet file. */
  readonly spreadsheetSteps: number;
  readonly systemSteps: number;
  /** Sequence connections that cross from one lane to another: where work waits and gets lost. */
  readonly handoffs: number;
  readonly touchMinutes: number;
  readonly waitMinutes: number;
  /** Steps with neither time filled in: while above zero, the time totals are partial. */
  readonly stepsWithoutTimes: number;
}

export type MetricName = keyof MapMetrics;

export const METRIC_NAMES: readonly MetricName[] = [
  'stepCount',
  'manualSteps',
  'spreadsheetSteps',
  'systemSteps',
  'handoffs',
  'touchMinutes',
  'waitMinutes',
  'stepsWithoutTimes',
];

export interface MetricDelta {
  readonly asIs: number;
  readonly toBe: number;
  /** To-Be minus As-Is: negative means fewer steps, hand-offs or minutes. */
  readonly delta: number;
}

const SPREADSHEET_TOOL = /excel|エクセル|\.xls|\.csv/i;

const usesSpreadsheet = (step: Step) => step.type === 'spreadsheet' || step.tools.some((tool) => SPREADSHEET_TOOL.test(tool));

/** Minutes may be fractional; rounding to hundredths keeps sums and differences like 0.1 + 0.2 readable. */
const toHundredths = (value: number) => Math.round(value * 100) / 100;

/** The figures a workshop compares between As-Is and To-Be. */
export function mapMetrics(records: MapRecords): MapMetrics {
  const work = records.steps.filter((step) => step.type !== 'start' && step.type !== 'end');
  const laneOf = new Map(records.steps.map((step) => [step.id, step.laneId]));
  const handoffs = records.connections.filter((connection) => {
    const from = laneOf.get(connection.sourceStepId);
    const to = laneOf.get(connection.targetStepId);
    return connection.kind === 'sequence' && from !== undefined && to !== undefined && from !== to;
  });
  return {
    stepCount: work.length,
    manualSteps: work.filter((step) => step.type === 'manualTask' || step.type === 'spreadsheet').length,
    spreadsheetSteps: work.filter(usesSpreadsheet).length,
    systemSteps: work.filter((step) => step.type === 'systemTask').length,
    handoffs: handoffs.length,
    touchMinutes: toHundredths(work.reduce((sum, step) => sum + (step.touchMinutes ?? 0), 0)),
    waitMinutes: toHundredths(work.reduce((sum, step) => sum + (step.waitMinutes ?? 0), 0)),
    stepsWithoutTimes: work.filter((step) => step.touchMinutes === null && step.waitMinutes === null).length,
  };
}

/** Each figure before and after, and the difference. */
export function metricDeltas(asIs: MapMetrics, toBe: MapMetrics): Record<MetricName, MetricDelta> {
  return Object.fromEntries(
    METRIC_NAMES.map((name) => [name, { asIs: asIs[name], toBe: toBe[name], delta: toHundredths(toBe[name] - asIs[name]) }]),
  ) as Record<MetricName, MetricDelta>;
}
