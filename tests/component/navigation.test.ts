import { describe, expect, it } from 'vitest';
import { layoutLanes, mapStateOf } from '../../shared/editor';
import { findTemplate, instantiateTemplate } from '../../shared/templates';
import { newId } from '../../shared/model';
import { neighbourInDirection } from '../../renderer/src/editor/navigation';
import { parseRoute, routeHash, type Route } from '../../renderer/src/routing';

describe('arrow-key navigation between steps', () => {
  const records = instantiateTemplate(findTemplate('accountsPayable')!, 'ja', { workshopId: newId('workshop'), mapId: newId('map') });
  const model = mapStateOf(records);
  const layout = layoutLanes(model.lanes.values(), model.steps.values());
  const byLabel = (label: string) => records.steps.find((step) => step.label === label)!;

  it('right goes to the next step along, left comes back', () => {
    const start = records.steps.find((step) => step.type === 'start')!;
    const next = neighbourInDirection(model, layout, start.id, 'right');
    expect(next).not.toBeNull();
    expect(neighbourInDirection(model, layout, next!, 'left')).toBe(start.id);
  });

  it('down reaches a step in a lower lane; nothing lies beyond the edge', () => {
    const vendorStep = byLabel('請求書発行');
    const below = neighbourInDirection(model, layout, vendorStep.id, 'down');
    const lanes = layout.lanes.map((box) => box.lane.id);
    expect(lanes.indexOf(model.steps.get(below!)!.laneId)).toBeGreaterThan(lanes.indexOf(vendorStep.laneId));
    expect(neighbourInDirection(model, layout, vendorStep.id, 'up')).toBeNull();
  });
});

describe('routes', () => {
  const workshopId = newId('workshop');
  const processId = newId('process');
  it.each<Route>([
    { name: 'library' },
    { name: 'trash' },
    { name: 'workshop', workshopId },
    { name: 'map', workshopId, processId, variant: 'asIs' },
    { name: 'map', workshopId, processId, variant: 'toBe' },
    { name: 'compare', workshopId, processId },
  ])('%o survives a round trip through the URL', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to the library for a malformed hash', () => {
    expect(parseRoute('#/workshops/%E0%A4%A')).toEqual({ name: 'library' });
    expect(parseRoute('#/workshops/step:abcdefgh')).toEqual({ name: 'library' });
  });
});
