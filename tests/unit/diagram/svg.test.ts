import { describe, expect, it } from 'vitest';
import { comparisonToSvg, mapRecordsOf, mapToSvg, textWidth, wrapText } from '../../../shared/diagram';
import { routeBetween } from '../../../shared/diagram/route';
import { compareMaps, stepSize } from '../../../shared/editor';
import type { WorkshopDocument } from '../../../shared/model';
import { backlogDocument } from '../../fixtures/backlogDocument';
import { connection, exceptionCase, extraStep, laneNamed, painPoint, stepLabelled, templateWorkshop, withRecords } from '../bpmn/workshop';
import { allText, readSvg, titleOf, type SvgElement } from './svgXml';

const asIsOf = (document: WorkshopDocument) => mapRecordsOf(document, document.processes[0]!.asIsMapId);
const toBeOf = (document: WorkshopDocument) => mapRecordsOf(document, document.processes[0]!.toBeMapId!);

const shapesOf = (step: SvgElement) => step.children.filter((child) => child.tag === 'path' && child.attributes.d && !child.attributes.transform);

describe('mapToSvg', () => {
  it('draws every lane as a band with its name, and every step once, with one shape, in its lane', () => {
    // Given the accounts-payable template
    const { document } = templateWorkshop('accountsPayable');
    const records = asIsOf(document);

    // When
    const svg = readSvg(mapToSvg(records, { lang: 'ja', title: '買掛金支払 — 現状 (As-Is)' }));

    // Then one band per lane, named
    const lanes = svg.byClass('lane');
    expect(lanes.map((lane) => lane.attributes['data-lane-id']).sort()).toEqual(records.lanes.map((lane) => lane.id).sort());
    for (const lane of records.lanes) {
      const band = lanes.find((element) => element.attributes['data-lane-id'] === lane.id)!;
      expect(titleOf(band)).toBe(lane.name);
      expect(allText(svg.byClass('lane-name')[lanes.indexOf(band)]!)).toBe(lane.name.replace(/\s+/g, ''));
    }
    // one group per step, with exactly one outline, of the step's size
    const steps = svg.byClass('step');
    expect(steps).toHaveLength(records.steps.length);
    for (const step of records.steps) {
      const drawn = steps.find((element) => element.attributes['data-step-id'] === step.id)!;
      expect(drawn.attributes['data-step-type']).toBe(step.type);
      expect(shapesOf(drawn)).toHaveLength(1);
      expect(titleOf(drawn)).toBe(step.label);
    }
    // one path per connection, ending in an arrow
    const connections = svg.byClass('connection');
    expect(connections).toHaveLength(records.connections.length);
    expect(connections.every((path) => path.attributes['marker-end'] === 'url(#kk-arrow)')).toBe(true);
    // and the title
    expect(svg.all.some((element) => element.attributes.class === 'heading' && element.text === '買掛金支払 — 現状 (As-Is)')).toBe(true);
  });

  it('draws the whole map, not a viewport: a step far to the right and lanes far down are inside the image', () => {
    // Given a step 6,000 px to the right
    const workshop = templateWorkshop('monthEndClose');
    const far = extraStep(workshop, laneNamed(workshop, workshop.document.lanes[workshop.document.lanes.length - 1]!.name), 'manualTask', '遠くの工程', { x: 6000, y: 600 });
    const { document } = withRecords(workshop, { steps: [far] });

    // When
    const svg = readSvg(mapToSvg(asIsOf(document), { lang: 'ja' }));

    // Then the image is wide and tall enough to hold it
    const width = Number(svg.root.attributes.width);
    const height = Number(svg.root.attributes.height);
    expect(width).toBeGreaterThan(6000 + stepSize('manualTask').width);
    expect(height).toBeGreaterThan(600 + stepSize('manualTask').height);
    expect(svg.root.attributes.viewBox).toBe(`0 0 ${width} ${height}`);
    expect(svg.byClass('step').some((step) => titleOf(step) === '遠くの工程')).toBe(true);
  });

  it('writes what users typed as text: a label with <script>, & and quotes stays a label', () => {
    // Given names full of markup
    const workshop = templateWorkshop('accountsPayable');
    const nasty = `<script>alert("x")</script> & 'quoted' "名前"`;
    const lane = laneNamed(workshop, workshop.document.lanes[0]!.name);
    const step = extraStep(workshop, lane, 'manualTask', nasty, { x: 2000, y: 20 });
    const document = withRecords(workshop, {
      steps: [step],
      lanes: [],
    }).document;
    const renamed = { ...document, lanes: document.lanes.map((candidate) => (candidate.id === lane.id ? { ...candidate, name: `</text><g onload="x()">&amp;` } : candidate)) };
    const first = document.steps.find((candidate) => candidate.type === 'start')!;
    const withLabel = { ...renamed, connections: [...renamed.connections, connection(workshop, first, step, 'sequence', `"]]><!--`)] };

    // When
    const text = mapToSvg(asIsOf(withLabel), { lang: 'en', title: '<b>title</b>' });
    const svg = readSvg(text);

    // Then no element came from the text, and the text reads back exactly
    expect(svg.all.some((element) => ['script', 'b', 'foreignObject'].includes(element.tag))).toBe(false);
    expect(svg.all.some((element) => 'onload' in element.attributes)).toBe(false);
    expect(text).not.toContain('<script');
    const drawn = svg.byClass('step').find((element) => element.attributes['data-step-id'] === step.id)!;
    expect(titleOf(drawn)).toBe(nasty);
    expect(allText(drawn).replace(nasty, '')).toContain('alert');
    expect(titleOf(svg.byClass('lane').find((element) => element.attributes['data-lane-id'] === lane.id)!)).toBe(`</text><g onload="x()">&amp;`);
    expect(svg.byClass('connection-label').map(allText)).toContain(`"]]><!--`);
    expect(svg.all.find((element) => element.attributes.class === 'heading')!.text).toBe('<b>title</b>');
  });

  it('drops characters XML forbids instead of writing an unreadable file', () => {
    const workshop = templateWorkshop('accountsPayable');
    const lane = workshop.document.lanes[0]!;
    const step = extraStep(workshop, lane, 'manualTask', 'ベル\u0007と\u0000ヌル', { x: 2000, y: 20 });
    const svg = readSvg(mapToSvg(asIsOf(withRecords(workshop, { steps: [step] }).document), { lang: 'ja' }));
    expect(titleOf(svg.byClass('step').find((element) => element.attributes['data-step-id'] === step.id)!)).toBe('ベルとヌル');
  });

  it('puts badges with counts on steps with pain points and exceptions, and explains them in a legend', () => {
    // Given two pain points (severity 2 and 5) and an exception on one step
    const workshop = templateWorkshop('accountsPayable');
    const step = stepLabelled(workshop, '請求書受領・検収確認');
    const { document } = withRecords(workshop, {
      painPoints: [painPoint(workshop, { kind: 'step', stepId: step.id }, '二重入力', 2), painPoint(workshop, { kind: 'step', stepId: step.id }, '紙の回覧', 5)],
      exceptions: [exceptionCase(workshop, step, '金額相違', '電話で確認')],
    });

    // When
    const svg = readSvg(mapToSvg(asIsOf(document), { lang: 'ja' }));

    // Then
    const badges = svg.byClass('badges');
    expect(badges).toHaveLength(1);
    expect(badges[0]!.attributes['data-step-id']).toBe(step.id);
    const pain = badges[0]!.children.find((badge) => badge.attributes['data-badge'] === 'pain')!;
    expect(allText(pain)).toContain('⚠2');
    expect(titleOf(pain)).toBe('困りごと 2 件（最大深刻度 5）');
    const exception = badges[0]!.children.find((badge) => badge.attributes['data-badge'] === 'exception')!;
    expect(allText(exception)).toContain('⤳1');
    const legend = svg.byClass('legend-item').map((item) => item.attributes['data-legend']);
    expect(legend).toEqual(expect.arrayContaining(['pain', 'exception']));
    expect(legend).not.toContain('approval');
  });

  it('has no legend when nothing needs explaining', () => {
    const { document } = templateWorkshop('expenseReimbursement');
    const records = asIsOf(document);
    const svg = readSvg(mapToSvg({ ...records, connections: records.connections.filter((c) => c.kind === 'sequence') }, { lang: 'en' }));
    expect(svg.byClass('badges')).toHaveLength(0);
    expect(svg.byClass('legend')).toHaveLength(0);
  });

  it('wraps long labels inside the step and ends a cut label with an ellipsis', () => {
    const workshop = templateWorkshop('accountsPayable');
    const long = '請求書を受け取ったあと、発注書と検収書と突き合わせて金額と数量が一致するかを確認し、相違があれば購買部に問い合わせる';
    const step = extraStep(workshop, workshop.document.lanes[0]!, 'manualTask', long, { x: 2000, y: 20 });
    const svg = readSvg(mapToSvg(asIsOf(withRecords(workshop, { steps: [step] }).document), { lang: 'ja' }));
    const drawn = svg.byClass('step').find((element) => element.attributes['data-step-id'] === step.id)!;
    const lines = drawn.children.filter((child) => child.tag === 'text').map((line) => line.text);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[lines.length - 1]).toMatch(/…$/);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(stepSize('manualTask').width);
    expect(titleOf(drawn)).toBe(long);
  });

  it('labels in English come out in English', () => {
    const { document } = templateWorkshop('accountsPayable', 'en');
    const text = mapToSvg(asIsOf(document), { lang: 'en' });
    expect(text).toContain('Department');
    expect(text).not.toMatch(/部門/);
  });
});

describe('comparisonToSvg', () => {
  it('draws both maps side by side with every step marked by what happened to it, and a legend with the counts', () => {
    // Given the accounts-payable workshop with its reworked To-Be map
    const document = backlogDocument();
    const asIs = asIsOf(document);
    const toBe = toBeOf(document);
    const comparison = compareMaps(asIs, toBe);

    // When
    const svg = readSvg(comparisonToSvg(asIs, toBe, { lang: 'ja', title: '買掛金支払', participants: document.workshop.participants }));

    // Then two maps, the To-Be to the right of the As-Is
    const maps = svg.byClass('map');
    expect(maps.map((map) => map.attributes['data-variant'])).toEqual(['asIs', 'toBe']);
    const x = (map: SvgElement) => Number(/translate\(([\d.]+)/.exec(map.attributes.transform!)![1]);
    expect(x(maps[1]!)).toBeGreaterThan(x(maps[0]!) + 1000);
    expect(maps[0]!.children.filter((child) => child.attributes.class === 'step')).toHaveLength(asIs.steps.length);
    expect(maps[1]!.children.filter((child) => child.attributes.class === 'step')).toHaveLength(toBe.steps.length);
    // each changed step has a mark of its status
    const marks = svg.byClass('status-mark');
    const expected = [...comparison.asIs, ...comparison.toBe].filter(([, result]) => result.status !== 'unchanged');
    expect(marks).toHaveLength(expected.length);
    for (const [stepId, result] of expected) {
      const mark = marks.find((element) => element.attributes['data-step-id'] === stepId)!;
      expect(mark.attributes['data-status']).toBe(result.status);
    }
    // and the legend counts them
    const legend = new Map(svg.byClass('legend-item').map((item) => [item.attributes['data-legend'], allText(item)]));
    for (const status of ['removed', 'added', 'changed', 'automated'] as const) {
      expect(legend.get(status)).toContain(String(comparison.counts[status]));
    }
    expect(legend.get('removed')).toContain('削除');
  });
});

describe('text wrapping', () => {
  it('breaks Japanese anywhere and English between words', () => {
    expect(wrapText('請求書受領・検収確認', 60, 12, 5)).toEqual(['請求書受領', '・検収確認']);
    expect(wrapText('Receive and check invoice', 90, 12, 5)).toEqual(['Receive and', 'check invoice']);
  });

  it('keeps line breaks typed by the user and never returns an empty line', () => {
    expect(wrapText('一行目\n\n二行目', 200, 12, 5)).toEqual(['一行目', '二行目']);
    expect(wrapText('   ', 200, 12, 5)).toEqual([]);
  });
});

describe('connection routes', () => {
  const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });
  const orthogonal = (points: readonly { x: number; y: number }[]) =>
    points.slice(1).every((point, index) => point.x === points[index]!.x || point.y === points[index]!.y);

  it('runs with horizontal and vertical segments only, from side to side', () => {
    for (const [source, target, sides] of [
      [box(0, 0), box(300, 0), { from: 'right', to: 'left' }],
      [box(0, 0), box(300, 200), { from: 'right', to: 'left' }],
      [box(300, 0), box(0, 0), { from: 'left', to: 'right' }],
      [box(0, 0), box(40, 0), { from: 'right', to: 'left' }],
      [box(0, 0), box(0, 300), { from: 'bottom', to: 'top' }],
      [box(0, 300), box(200, 0), { from: 'top', to: 'bottom' }],
    ] as const) {
      const points = routeBetween(source, target, sides);
      expect(orthogonal(points)).toBe(true);
      expect(points.length).toBeGreaterThanOrEqual(2);
    }
    expect(routeBetween(box(0, 0), box(300, 0), { from: 'right', to: 'left' })).toEqual([
      { x: 100, y: 25 },
      { x: 300, y: 25 },
    ]);
  });

  it('goes round below two overlapping steps rather than through them', () => {
    const points = routeBetween(box(0, 0), box(40, 0), { from: 'right', to: 'left' });
    expect(Math.max(...points.map((point) => point.y))).toBeGreaterThan(50);
  });
});
