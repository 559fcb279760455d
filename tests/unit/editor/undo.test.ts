import ELK from 'elkjs/lib/elk.bundled.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLane,
  addStep,
  addStepAfter,
  alignSteps,
  applyPatch,
  autoLayout,
  connect,
  copySteps,
  deleteElements,
  deleteLane,
  distributeSteps,
  dropSteps,
  duplicateSteps,
  invertPatch,
  moveLane,
  moveSteps,
  pasteSteps,
  reconnect,
  sortLanes,
  updateConnection,
  updateLane,
  updateStep,
  type EditContext,
  type MapPatch,
  type MapState,
} from '../../../shared/editor';
import { connectionSchema, laneSchema, stepSchema, stepTypeSchema } from '../../../shared/model';
import { accountsPayable, canonical } from './apFlow';

const elk = new ELK();

const COMMANDS = [
  'addLane',
  'updateLane',
  'moveLane',
  'deleteLaneMoving',
  'deleteLaneWithSteps',
  'addStep',
  'addStepAfter',
  'updateStep',
  'moveSteps',
  'dropSteps',
  'deleteElements',
  'connect',
  'updateConnection',
  'reconnect',
  'paste',
  'duplicate',
  'align',
  'distribute',
  'autoLayout',
] as const;

const commandArbitrary = fc.record({
  kind: fc.constantFrom(...COMMANDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  x: fc.integer({ min: -50, max: 1600 }),
  y: fc.integer({ min: -50, max: 900 }),
  text: fc.constantFrom('請求書受領', '支払照合', '', '\u3000', '振込'),
});
type Command = typeof commandArbitrary extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: readonly T[], index: number): T | undefined => items[index % Math.max(items.length, 1)];
const UNKNOWN_STEP = 'step:notInThisMap' as never;

async function run(state: MapState, ctx: EditContext, command: Command): Promise<MapPatch> {
  const lanes = sortLanes(state.lanes.values());
  const steps = [...state.steps.values()];
  const connections = [...state.connections.values()];
  const lane = pick(lanes, command.a)?.id ?? ('lane:notInThisMap' as never);
  const otherLane = pick(lanes, command.b)?.id ?? lane;
  const step = pick(steps, command.a)?.id ?? UNKNOWN_STEP;
  const otherStep = pick(steps, command.b)?.id ?? UNKNOWN_STEP;
  const some = steps.filter((_, index) => (command.c >> index) % 2 === 1).map((s) => s.id);
  const type = pick(stepTypeSchema.options, command.c) ?? 'manualTask';
  const connection = pick(connections, command.c)?.id ?? ('connection:notInThisMap' as never);
  switch (command.kind) {
    case 'addLane':
      return addLane(state, ctx, { name: command.text, kind: 'role' }).patch;
    case 'updateLane':
      return updateLane(state, lane, { name: command.text, kind: 'system' });
    case 'moveLane':
      return moveLane(state, lane, command.b % 5);
    case 'deleteLaneMoving':
      return deleteLane(state, lane, { kind: 'moveSteps', toLaneId: otherLane });
    case 'deleteLaneWithSteps':
      return deleteLane(state, lane, { kind: 'deleteSteps' });
    case 'addStep':
      return addStep(state, ctx, { laneId: lane, type, label: command.text, position: { x: command.x, y: command.y } }).patch;
    case 'addStepAfter':
      return addStepAfter(state, ctx, step, { type }).patch;
    case 'updateStep':
      return updateStep(state, step, { label: command.text, type, touchMinutes: command.x < 0 ? null : command.x, laneId: otherLane });
    case 'moveSteps':
      return moveSteps(state, some.map((stepId) => ({ stepId, position: { x: command.x, y: command.y } })));
    case 'dropSteps':
      return dropSteps(state, some.map((stepId) => ({ stepId, absolute: { x: command.x, y: command.y } })));
    case 'deleteElements':
      return deleteElements(state, { stepIds: some, connectionIds: [connection] });
    case 'connect':
      return connect(state, ctx, { sourceStepId: step, targetStepId: otherStep }).patch;
    case 'updateConnection':
      return updateConnection(state, connection, { label: command.text, kind: command.x % 2 === 0 ? 'data' : 'sequence' });
    case 'reconnect':
      return reconnect(state, connection, { targetStepId: otherStep });
    case 'paste':
      return pasteSteps(state, ctx, copySteps(state, some), { offset: { x: command.x, y: command.y } }).patch;
    case 'duplicate':
      return duplicateSteps(state, ctx, some).patch;
    case 'align':
      return alignSteps(state, some, pick(['left', 'centerX', 'right', 'top', 'middle', 'bottom'] as const, command.b) ?? 'left');
    case 'distribute':
      return distributeSteps(state, some, command.b % 2 === 0 ? 'horizontal' : 'vertical');
    case 'autoLayout':
      return autoLayout(state, elk);
  }
}

function expectConsistent(state: MapState) {
  for (const lane of state.lanes.values()) laneSchema.parse(lane);
  for (const step of state.steps.values()) {
    stepSchema.parse(step);
    expect(state.lanes.has(step.laneId), 'step in a missing lane').toBe(true);
  }
  for (const connection of state.connections.values()) {
    connectionSchema.parse(connection);
    expect(state.steps.has(connection.sourceStepId) && state.steps.has(connection.targetStepId), 'dangling connection').toBe(true);
    expect(connection.sourceStepId).not.toBe(connection.targetStepId);
  }
}

describe('every command', () => {
  it('is undone exactly by its inverse, leaves its input alone and keeps the map consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: 12 }), async (commands) => {
        const { ctx, state: initial } = accountsPayable();
        let state = initial;
        for (const command of commands) {
          const before = structuredClone(canonical(state));
          const change = await run(state, ctx, command);
          // given the state before the command, when the patch and then its inverse are applied, then nothing changed
          expect(canonical(applyPatch(applyPatch(state, change), invertPatch(state, change)))).toEqual(before);
          expect(canonical(state), `${command.kind} mutated its input`).toEqual(before);
          state = applyPatch(state, change);
          expectConsistent(state);
        }
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});
