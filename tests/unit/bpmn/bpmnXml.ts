import { XMLParser } from 'fast-xml-parser';

/**
 * A BPMN file read with fast-xml-parser rather than bpmn-moddle, so that the export is checked
 * by a reader that shares none of its code: elements by local name, and the DI by element id.
 */

export interface XmlElement {
  /** Local name without prefix, e.g. `task`, `BPMNShape`. */
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
}

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DiShape {
  readonly bounds: Bounds;
  readonly isHorizontal: boolean;
  readonly isMarkerVisible: boolean;
}

export interface ReadBpmn {
  readonly root: XmlElement;
  /** Every element below `definitions` in document order. */
  readonly all: readonly XmlElement[];
  readonly byId: ReadonlyMap<string, XmlElement>;
  readonly shapes: ReadonlyMap<string, DiShape>;
  readonly edges: ReadonlyMap<string, readonly { x: number; y: number }[]>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  preserveOrder: true,
  trimValues: false,
});

/** fast-xml-parser's ordered form: `{ [tag]: children, ':@': attributes }`. */
type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: Ordered): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '?xml');
  if (!name) return undefined;
  const content = (node[name] as Ordered[]) ?? [];
  return {
    tag: name.replace(/^[^:]*:/, ''),
    attributes: node[':@'] ?? {},
    text: content.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join(''),
    children: content.flatMap((child) => toElement(child) ?? []),
  };
}

function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

const numberAttribute = (element: XmlElement | undefined, name: string) => Number(element?.attributes[name]);

export function readBpmn(xml: string): ReadBpmn {
  const root = (parser.parse(xml) as Ordered[]).flatMap((node) => toElement(node) ?? []).find((element) => element.tag === 'definitions');
  if (!root) throw new Error('no definitions element');
  const all = [...descendants(root)];
  const byId = new Map(all.flatMap((element) => (element.attributes.id ? [[element.attributes.id, element] as const] : [])));
  const shapes = new Map<string, DiShape>();
  const edges = new Map<string, { x: number; y: number }[]>();
  for (const element of all) {
    const target = element.attributes.bpmnElement;
    if (!target) continue;
    if (element.tag === 'BPMNShape') {
      const bounds = element.children.find((child) => child.tag === 'Bounds');
      shapes.set(target, {
        bounds: { x: numberAttribute(bounds, 'x'), y: numberAttribute(bounds, 'y'), width: numberAttribute(bounds, 'width'), height: numberAttribute(bounds, 'height') },
        isHorizontal: element.attributes.isHorizontal === 'true',
        isMarkerVisible: element.attributes.isMarkerVisible === 'true',
      });
    }
    if (element.tag === 'BPMNEdge') {
      edges.set(
        target,
        element.children.filter((child) => child.tag === 'waypoint').map((point) => ({ x: numberAttribute(point, 'x'), y: numberAttribute(point, 'y') })),
      );
    }
  }
  return { root, all, byId, shapes, edges };
}

export const elementsOf = (read: ReadBpmn, ...tags: string[]): XmlElement[] => read.all.filter((element) => tags.includes(element.tag));

export const childText = (element: XmlElement, tag: string): string[] =>
  element.children.filter((child) => child.tag === tag).map((child) => child.text);

export const contains = (outer: Bounds, inner: Bounds): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
