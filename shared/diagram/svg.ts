import { NO_FILTER, stepBadges, type StepBadges } from '../capture/view';
import { compareMaps, type StepComparison, type StepStatus } from '../editor/compare';
import { LANE_HEADER_WIDTH, layoutLanes, stepBox, stepSize, type LaneLayout } from '../editor/geometry';
import { mapStateOf, type MapRecords } from '../editor/mapState';
import type { StepId } from '../model/ids';
import type { Step } from '../model/map';
import type { Participant } from '../model/workshop';
import type { Language } from '../platform/bridge';
import { diagramPhrases, type DiagramPhrases } from './phrases';
import { connectionRoute, labelPoint, type Point } from './route';
import { isFilledIcon, severityColor, STEP_ICON_PATHS, STEP_STYLES, shapePath } from './shapes';
import { escapeXml, FONT_FAMILY, textWidth, wrapText } from './text';

/**
 * A whole map as a standalone SVG document, drawn from the model rather than captured from the
 * screen: every lane and step whatever the viewport shows, at the editor's geometry, with the
 * badges of what was noted in the room. Presentation attributes only (no <style>, no script),
 * so the file opens the same in browsers, Office and Inkscape and can be drawn onto a canvas.
 * Every text the user typed is escaped.
 */
export interface DiagramOptions {
  readonly lang: Language;
  /** A heading above the lanes, e.g. 「買掛金支払 — 現状 (As-Is)」; none when omitted. */
  readonly title?: string;
  /** For the key-person and segregation-of-duties badges. */
  readonly participants?: readonly Participant[];
}

/** Space around the drawing; badges sit above the top lane's steps. */
const MARGIN = 24;
const TITLE_HEIGHT = 40;
const HEADING_HEIGHT = 32;
const SIDE_GAP = 48;
const TEXT_COLOR = '#1a202c';
const SECONDARY_TEXT = '#4a5568';
const LINE_COLOR = '#5a6475';
const LABEL_FONT = 12;
const LABEL_LINE = 15;
const BADGE_FONT = 10;
const BADGE_HEIGHT = 16;
const LEGEND_FONT = 12;
const LEGEND_ROW = 22;

/** How each comparison status is marked: an outline of its own colour and dash, and a tag. */
const STATUS_MARKS: Readonly<Record<Exclude<StepStatus, 'unchanged'>, { color: string; dash: string | null }>> = {
  removed: { color: '#c53030', dash: '8 4' },
  added: { color: '#2f855a', dash: null },
  changed: { color: '#b7791f', dash: '12 3 2 3' },
  automated: { color: '#2b6cb0', dash: '2 3' },
};
const MARKED_STATUSES = ['removed', 'added', 'changed', 'automated'] as const;

/** Coordinates with at most one decimal: smaller files, stable output. */
const n = (value: number): string => String(Math.round(value * 10) / 10);

const attributes = (values: Record<string, string | number | null | undefined>): string =>
  Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? n(value) : escapeXml(value)}"`)
    .join('');

const element = (name: string, values: Record<string, string | number | null | undefined>, content?: string): string =>
  content === undefined ? `<${name}${attributes(values)}/>` : `<${name}${attributes(values)}>${content}</${name}>`;

const title = (text: string): string => `<title>${escapeXml(text)}</title>`;

/** Lines of text centred on `x`, the block's middle at `y`. */
function textBlock(lines: readonly string[], x: number, y: number, options: { size: number; lineHeight: number; weight?: string; color?: string }): string {
  const top = y - ((lines.length - 1) * options.lineHeight) / 2;
  return lines
    .map((line, index) =>
      element(
        'text',
        {
          x,
          y: top + index * options.lineHeight,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          'font-size': options.size,
          'font-weight': options.weight,
          fill: options.color ?? TEXT_COLOR,
        },
        escapeXml(line),
      ),
    )
    .join('');
}

/** A drawing placed at (0, 0) of its own coordinates, to be put into a document. */
interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly body: string;
  /** Which badge kinds appear, for the legend. */
  readonly badgeKinds: ReadonlySet<BadgeKind>;
  readonly hasDataFlows: boolean;
}

type BadgeKind = 'pain' | 'exception' | 'approval' | 'field' | 'keyPerson' | 'duty';

interface Badge {
  readonly kind: BadgeKind;
  readonly text: string;
  readonly title: string;
  readonly fill: string;
  readonly stroke: string;
  readonly color: string;
}

function badgesOf(badges: StepBadges, words: DiagramPhrases): Badge[] {
  const plain = { fill: '#ffffff', stroke: '#5b6475', color: TEXT_COLOR };
  const items: Badge[] = [];
  if (badges.painPoints > 0) {
    items.push({
      kind: 'pain',
      text: `⚠${badges.painPoints}`,
      title: words.badge.painPoints(badges.painPoints, badges.maxSeverity),
      fill: severityColor(badges.maxSeverity),
      stroke: '#5b6475',
      color: badges.maxSeverity >= 5 ? '#ffffff' : '#3b1d00',
    });
  }
  if (badges.exceptions > 0) items.push({ kind: 'exception', text: `⤳${badges.exceptions}`, title: words.badge.exceptions(badges.exceptions), ...plain });
  if (badges.approvalRules > 0) items.push({ kind: 'approval', text: `✓${badges.approvalRules}`, title: words.badge.approvalRules(badges.approvalRules), ...plain });
  if (badges.reportFields > 0) items.push({ kind: 'field', text: `▤${badges.reportFields}`, title: words.badge.reportFields(badges.reportFields), ...plain });
  if (badges.keyPerson) items.push({ kind: 'keyPerson', text: '1人', title: words.badge.keyPerson, fill: '#ede9fe', stroke: '#6d28d9', color: '#4c1d95' });
  if (badges.dutyConflict) items.push({ kind: 'duty', text: '⚖', title: words.badge.dutyConflict, fill: '#fee2e2', stroke: '#b91c1c', color: '#7f1d1d' });
  return items;
}

const badgeWidth = (text: string): number => Math.max(BADGE_HEIGHT, Math.ceil(textWidth(text, BADGE_FONT)) + 10);

/** A row of badges whose right end is at `right`, centred on `y`. */
function badgeRow(items: readonly Badge[], right: number, y: number): string {
  let x = right - items.reduce((sum, item) => sum + badgeWidth(item.text) + 2, -2);
  return items
    .map((item) => {
      const width = badgeWidth(item.text);
      const drawn = element(
        'g',
        { class: 'badge', 'data-badge': item.kind },
        title(item.title) +
          element('rect', { x, y: y - BADGE_HEIGHT / 2, width, height: BADGE_HEIGHT, rx: BADGE_HEIGHT / 2, fill: item.fill, stroke: item.stroke, 'stroke-width': 1 }) +
          element(
            'text',
            { x: x + width / 2, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': BADGE_FONT, 'font-weight': 'bold', fill: item.color },
            escapeXml(item.text),
          ),
      );
      x += width + 2;
      return drawn;
    })
    .join('');
}

/** The label of a step inside (or, for start and end, under) its shape. */
function stepText(step: Step, words: DiagramPhrases): string {
  const size = stepSize(step.type);
  const label = step.label.trim() || (step.type === 'start' || step.type === 'end' ? '' : words.untitled);
  if (step.type === 'start' || step.type === 'end') {
    const lines = wrapText(label, 130, 11, 2);
    return textBlock(lines, size.width / 2, size.height + 6 + ((lines.length - 1) * 14) / 2 + 7, { size: 11, lineHeight: 14 });
  }
  if (step.type === 'decision') {
    return textBlock(wrapText(label, size.width * 0.62, 11, 3), size.width / 2, size.height / 2, { size: 11, lineHeight: 13 });
  }
  const showSystem = step.type === 'systemTask' && step.system.trim() !== '';
  const iconRoom = 22;
  const width = size.width - iconRoom - 8;
  const maxLines = Math.max(1, Math.floor((size.height - 10) / LABEL_LINE) - (showSystem ? 1 : 0));
  const lines = wrapText(label, width, LABEL_FONT, maxLines);
  const middleX = iconRoom + width / 2;
  const icon = element('path', {
    d: STEP_ICON_PATHS[step.type],
    transform: `translate(6 6) scale(${14 / 24})`,
    fill: isFilledIcon(step.type) ? STEP_STYLES[step.type].stroke : 'none',
    stroke: STEP_STYLES[step.type].stroke,
    'stroke-width': isFilledIcon(step.type) ? 0 : 1.8,
    'stroke-linejoin': 'round',
    'stroke-linecap': 'round',
  });
  if (!showSystem) return icon + textBlock(lines, middleX, size.height / 2, { size: LABEL_FONT, lineHeight: LABEL_LINE });
  const system = wrapText(step.system, width, 10, 1);
  const blockMiddle = size.height / 2 - 6;
  return (
    icon +
    textBlock(lines, middleX, blockMiddle, { size: LABEL_FONT, lineHeight: LABEL_LINE }) +
    textBlock(system, middleX, blockMiddle + ((lines.length + 1) * LABEL_LINE) / 2 + 4, { size: 10, lineHeight: 12, color: '#1a56db' })
  );
}

function drawStep(step: Step, layout: LaneLayout, words: DiagramPhrases, status: StepStatus | undefined): string {
  const box = stepBox(step, layout);
  const style = STEP_STYLES[step.type];
  const removed = status === 'removed';
  const shape = element('path', {
    d: shapePath(step.type, box.width, box.height),
    fill: style.fill,
    stroke: style.stroke,
    'stroke-width': step.type === 'end' ? 3 : 1.6,
    'stroke-dasharray': style.dashed ? '5 3' : null,
  });
  return element(
    'g',
    {
      class: 'step',
      'data-step-id': step.id,
      'data-step-type': step.type,
      'data-status': status ?? null,
      transform: `translate(${n(box.x)} ${n(box.y)})`,
      opacity: removed ? 0.7 : null,
    },
    title(step.label.trim() || words.untitled) + shape + stepText(step, words),
  );
}

/** The outline and tag that say what happened to a step between As-Is and To-Be. */
function statusMark(step: Step, layout: LaneLayout, status: Exclude<StepStatus, 'unchanged'>, words: DiagramPhrases): string {
  const box = stepBox(step, layout);
  const mark = STATUS_MARKS[status];
  const text = words.status[status];
  const tagWidth = Math.ceil(textWidth(text, BADGE_FONT)) + 10;
  return element(
    'g',
    { class: 'status-mark', 'data-status': status, 'data-step-id': step.id },
    element('rect', {
      x: box.x - 5,
      y: box.y - 5,
      width: box.width + 10,
      height: box.height + 10,
      rx: 6,
      fill: 'none',
      stroke: mark.color,
      'stroke-width': 3,
      'stroke-dasharray': mark.dash,
    }) +
      element('rect', { x: box.x - 5, y: box.y - 5 - BADGE_HEIGHT, width: tagWidth, height: BADGE_HEIGHT, rx: 3, fill: mark.color }) +
      element(
        'text',
        { x: box.x - 5 + tagWidth / 2, y: box.y - 5 - BADGE_HEIGHT / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': BADGE_FONT, 'font-weight': 'bold', fill: '#ffffff' },
        escapeXml(text),
      ),
  );
}

function polyline(points: readonly Point[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'} ${n(point.x)} ${n(point.y)}`).join(' ');
}

/** One map's lanes, connections, steps, labels and badges, the lanes' top-left corner at (0, 0). */
function drawMap(records: MapRecords, options: DiagramOptions, idPrefix: string, statuses?: ReadonlyMap<StepId, StepComparison>): Drawing {
  const words = diagramPhrases[options.lang];
  const layout = layoutLanes(records.lanes, records.steps);
  const steps = new Map(records.steps.map((step) => [step.id, step]));
  const parts: string[] = [];

  for (const box of layout.lanes) {
    const { lane } = box;
    const nameLines = wrapText(lane.name, LANE_HEADER_WIDTH - 20, 14, Math.max(1, Math.floor((box.height - 30) / 18)));
    const nameMiddle = box.y + box.height / 2 - 8;
    parts.push(
      element(
        'g',
        { class: 'lane', 'data-lane-id': lane.id },
        title(lane.name) +
          element('rect', { x: 0, y: box.y, width: layout.width, height: box.height, fill: lane.color, 'fill-opacity': 0.08, stroke: lane.color, 'stroke-width': 1 }) +
          element('rect', { x: 0, y: box.y, width: LANE_HEADER_WIDTH, height: box.height, fill: lane.color, 'fill-opacity': 0.18 }) +
          element('rect', { x: 0, y: box.y, width: 4, height: box.height, fill: lane.color }) +
          element('line', { x1: LANE_HEADER_WIDTH, y1: box.y, x2: LANE_HEADER_WIDTH, y2: box.y + box.height, stroke: '#000000', 'stroke-opacity': 0.1 }) +
          element(
            'g',
            { class: 'lane-name' },
            textBlock(nameLines, LANE_HEADER_WIDTH / 2 + 2, nameMiddle, { size: 14, lineHeight: 18, weight: 'bold' }),
          ) +
          textBlock([words.laneKind[lane.kind]], LANE_HEADER_WIDTH / 2 + 2, nameMiddle + (nameLines.length * 18) / 2 + 10, {
            size: 11,
            lineHeight: 14,
            color: SECONDARY_TEXT,
          }),
      ),
    );
  }

  const labels: string[] = [];
  let hasDataFlows = false;
  for (const connection of records.connections) {
    const source = steps.get(connection.sourceStepId);
    const target = steps.get(connection.targetStepId);
    if (!source || !target) continue;
    const points = connectionRoute(source, target, layout);
    const data = connection.kind === 'data';
    hasDataFlows ||= data;
    parts.push(
      element(
        'path',
        {
          class: 'connection',
          'data-connection-id': connection.id,
          'data-kind': connection.kind,
          d: polyline(points),
          fill: 'none',
          stroke: LINE_COLOR,
          'stroke-width': 1.5,
          'stroke-dasharray': data ? '6 4' : null,
          'stroke-linejoin': 'round',
          'marker-end': `url(#${idPrefix}arrow)`,
        },
        connection.label.trim() ? title(connection.label) : '',
      ),
    );
    const label = connection.label.trim();
    if (label) {
      const lines = wrapText(label, 160, 11, 2);
      const at = labelPoint(points);
      const width = Math.max(...lines.map((line) => textWidth(line, 11))) + 12;
      const height = lines.length * 14 + 6;
      labels.push(
        element(
          'g',
          { class: 'connection-label', 'data-connection-id': connection.id },
          element('rect', { x: at.x - width / 2, y: at.y - height / 2, width, height, rx: 4, fill: '#ffffff', stroke: '#cbd5e0', 'stroke-width': 1 }) +
            textBlock(lines, at.x, at.y, { size: 11, lineHeight: 14, color: TEXT_COLOR }),
        ),
      );
    }
  }

  for (const step of records.steps) parts.push(drawStep(step, layout, words, statuses?.get(step.id)?.status));
  parts.push(...labels);

  if (statuses) {
    for (const step of records.steps) {
      const status = statuses.get(step.id)?.status;
      if (status && status !== 'unchanged') parts.push(statusMark(step, layout, status, words));
    }
  }

  const badgeKinds = new Set<BadgeKind>();
  const state = mapStateOf(records);
  for (const [stepId, stepBadge] of stepBadges(state, options.participants ?? [], NO_FILTER)) {
    const step = steps.get(stepId);
    if (!step) continue;
    const items = badgesOf(stepBadge, words);
    if (items.length === 0) continue;
    for (const item of items) badgeKinds.add(item.kind);
    const box = stepBox(step, layout);
    parts.push(element('g', { class: 'badges', 'data-step-id': step.id }, badgeRow(items, box.x + box.width + 6, box.y - 3)));
  }

  return { width: layout.width, height: layout.height, body: parts.join(''), badgeKinds, hasDataFlows };
}

const LEGEND_BADGES: readonly { kind: BadgeKind; sample: string; fill: string; stroke: string; color: string; text: (words: DiagramPhrases) => string }[] = [
  { kind: 'pain', sample: '⚠', fill: severityColor(4), stroke: '#5b6475', color: '#3b1d00', text: (words) => words.legend.painPoints },
  { kind: 'exception', sample: '⤳', fill: '#ffffff', stroke: '#5b6475', color: TEXT_COLOR, text: (words) => words.legend.exceptions },
  { kind: 'approval', sample: '✓', fill: '#ffffff', stroke: '#5b6475', color: TEXT_COLOR, text: (words) => words.legend.approvalRules },
  { kind: 'field', sample: '▤', fill: '#ffffff', stroke: '#5b6475', color: TEXT_COLOR, text: (words) => words.legend.reportFields },
  { kind: 'keyPerson', sample: '1人', fill: '#ede9fe', stroke: '#6d28d9', color: '#4c1d95', text: (words) => words.legend.keyPerson },
  { kind: 'duty', sample: '⚖', fill: '#fee2e2', stroke: '#b91c1c', color: '#7f1d1d', text: (words) => words.legend.dutyConflict },
];

interface LegendItem {
  readonly swatch: string;
  readonly swatchWidth: number;
  readonly text: string;
  readonly key: string;
}

/** A legend laid out in rows no wider than `maxWidth`; its height is 0 when there is nothing to explain. */
function drawLegend(items: readonly LegendItem[], maxWidth: number, words: DiagramPhrases): { body: string; height: number } {
  if (items.length === 0) return { body: '', height: 0 };
  const heading = `${words.legend.title}:`;
  let x = textWidth(heading, LEGEND_FONT) + 12;
  let row = 0;
  const placed: string[] = [
    element('text', { x: 0, y: LEGEND_ROW / 2, 'dominant-baseline': 'central', 'font-size': LEGEND_FONT, 'font-weight': 'bold', fill: TEXT_COLOR }, escapeXml(heading)),
  ];
  for (const item of items) {
    const width = item.swatchWidth + 6 + textWidth(item.text, LEGEND_FONT) + 18;
    if (x + width > maxWidth && x > 0) {
      row += 1;
      x = 0;
    }
    const middle = row * LEGEND_ROW + LEGEND_ROW / 2;
    placed.push(
      element(
        'g',
        { class: 'legend-item', 'data-legend': item.key, transform: `translate(${n(x)} ${n(middle)})` },
        item.swatch +
          element('text', { x: item.swatchWidth + 6, y: 0, 'dominant-baseline': 'central', 'font-size': LEGEND_FONT, fill: TEXT_COLOR }, escapeXml(item.text)),
      ),
    );
    x += width;
  }
  return { body: element('g', { class: 'legend' }, placed.join('')), height: (row + 1) * LEGEND_ROW };
}

function badgeLegendItems(kinds: ReadonlySet<BadgeKind>, hasDataFlows: boolean, words: DiagramPhrases): LegendItem[] {
  const items: LegendItem[] = LEGEND_BADGES.filter((badge) => kinds.has(badge.kind)).map((badge) => {
    const width = badgeWidth(badge.sample);
    return {
      key: badge.kind,
      swatchWidth: width,
      text: badge.text(words),
      swatch:
        element('rect', { x: 0, y: -BADGE_HEIGHT / 2, width, height: BADGE_HEIGHT, rx: BADGE_HEIGHT / 2, fill: badge.fill, stroke: badge.stroke }) +
        element(
          'text',
          { x: width / 2, y: 0, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': BADGE_FONT, 'font-weight': 'bold', fill: badge.color },
          escapeXml(badge.sample),
        ),
    };
  });
  if (hasDataFlows) {
    items.push({
      key: 'dataFlow',
      swatchWidth: 30,
      text: words.legend.dataFlow,
      swatch: element('line', { x1: 0, y1: 0, x2: 30, y2: 0, stroke: LINE_COLOR, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }),
    });
  }
  return items;
}

function statusLegendItems(counts: Readonly<Record<StepStatus, number>>, words: DiagramPhrases): LegendItem[] {
  return MARKED_STATUSES.map((status) => {
    const mark = STATUS_MARKS[status];
    return {
      key: status,
      swatchWidth: 26,
      text: words.statusCount(words.status[status], counts[status]),
      swatch: element('rect', { x: 2, y: -7, width: 22, height: 14, rx: 3, fill: 'none', stroke: mark.color, 'stroke-width': 3, 'stroke-dasharray': mark.dash }),
    };
  });
}

function arrowMarker(idPrefix: string): string {
  return element(
    'marker',
    { id: `${idPrefix}arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto' },
    element('path', { d: 'M 0 0 L 10 5 L 0 10 Z', fill: LINE_COLOR }),
  );
}

function svgDocument(width: number, height: number, heading: string, body: string, idPrefix: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg"${attributes({
      width: Math.ceil(width),
      height: Math.ceil(height),
      viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
      'font-family': FONT_FAMILY,
      role: 'img',
    })}>` +
    title(heading) +
    `<defs>${arrowMarker(idPrefix)}</defs>` +
    element('rect', { x: 0, y: 0, width: Math.ceil(width), height: Math.ceil(height), fill: '#ffffff' }) +
    body +
    '</svg>\n'
  );
}

const headingText = (text: string, x: number, y: number, size: number): string =>
  element('text', { class: 'heading', x, y, 'dominant-baseline': 'central', 'font-size': size, 'font-weight': 'bold', fill: TEXT_COLOR }, escapeXml(text));

/** An SVG document of one whole map: lanes, steps by type, connections with labels, badges and a legend. */
export function mapToSvg(records: MapRecords, options: DiagramOptions): string {
  const words = diagramPhrases[options.lang];
  const idPrefix = 'kk-';
  const drawing = drawMap(records, options, idPrefix);
  const top = MARGIN + (options.title ? TITLE_HEIGHT : 0);
  const legend = drawLegend(badgeLegendItems(drawing.badgeKinds, drawing.hasDataFlows, words), drawing.width, words);
  const legendTop = top + drawing.height + MARGIN;
  const width = drawing.width + 2 * MARGIN;
  const height = legendTop + (legend.height > 0 ? legend.height + MARGIN : 0);
  const body =
    (options.title ? headingText(options.title, MARGIN, MARGIN + TITLE_HEIGHT / 2 - 6, 20) : '') +
    element('g', { class: 'map', transform: `translate(${MARGIN} ${top})` }, drawing.body) +
    (legend.height > 0 ? element('g', { transform: `translate(${MARGIN} ${legendTop})` }, legend.body) : '');
  return svgDocument(width, height, options.title ?? words.asIs, body, idPrefix);
}

/**
 * An SVG document of the As-Is and To-Be maps side by side, each step marked with what
 * happened to it (removed, added, changed, automated — by outline colour, dash and a tag, so
 * it reads in greyscale too), with a legend that counts each.
 */
export function comparisonToSvg(asIs: MapRecords, toBe: MapRecords, options: DiagramOptions): string {
  const words = diagramPhrases[options.lang];
  const idPrefix = 'kk-';
  const comparison = compareMaps(asIs, toBe);
  const left = drawMap(asIs, options, idPrefix, comparison.asIs);
  const right = drawMap(toBe, options, idPrefix, comparison.toBe);
  const top = MARGIN + (options.title ? TITLE_HEIGHT : 0);
  const mapsTop = top + HEADING_HEIGHT;
  const rightX = MARGIN + left.width + SIDE_GAP;
  const width = rightX + right.width + MARGIN;
  const mapsHeight = Math.max(left.height, right.height);
  const badgeKinds = new Set([...left.badgeKinds, ...right.badgeKinds]);
  const legend = drawLegend(
    [...statusLegendItems(comparison.counts, words), ...badgeLegendItems(badgeKinds, left.hasDataFlows || right.hasDataFlows, words)],
    width - 2 * MARGIN,
    words,
  );
  const legendTop = mapsTop + mapsHeight + MARGIN;
  const height = legendTop + legend.height + MARGIN;
  const body =
    (options.title ? headingText(options.title, MARGIN, MARGIN + TITLE_HEIGHT / 2 - 6, 20) : '') +
    headingText(words.asIs, MARGIN, top + HEADING_HEIGHT / 2 - 4, 16) +
    headingText(words.toBe, rightX, top + HEADING_HEIGHT / 2 - 4, 16) +
    element('g', { class: 'map', 'data-variant': 'asIs', transform: `translate(${MARGIN} ${mapsTop})` }, left.body) +
    element('line', {
      x1: MARGIN + left.width + SIDE_GAP / 2,
      y1: top,
      x2: MARGIN + left.width + SIDE_GAP / 2,
      y2: mapsTop + mapsHeight,
      stroke: '#cbd5e0',
      'stroke-width': 1,
    }) +
    element('g', { class: 'map', 'data-variant': 'toBe', transform: `translate(${rightX} ${mapsTop})` }, right.body) +
    element('g', { transform: `translate(${MARGIN} ${legendTop})` }, legend.body);
  return svgDocument(width, height, options.title ?? `${words.asIs} / ${words.toBe}`, body, idPrefix);
}
