import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * An exported SVG read back with fast-xml-parser, a reader that shares no code with the
 * writer: every element in document order with its attributes and its own text.
 */
export interface SvgElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The element's own text (entities decoded), not its descendants'. */
  readonly text: string;
  readonly children: readonly SvgElement[];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, preserveOrder: true, trimValues: false });

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: Ordered): SvgElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '?xml');
  if (!name) return undefined;
  const content = (node[name] as Ordered[]) ?? [];
  return {
    tag: name,
    attributes: node[':@'] ?? {},
    text: content.map((child) => (typeof child['#text'] === 'string' || typeof child['#text'] === 'number' ? String(child['#text']) : '')).join(''),
    children: content.flatMap((child) => toElement(child) ?? []),
  };
}

export function descendants(element: SvgElement): SvgElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/** All text below an element, its lines joined. */
export const allText = (element: SvgElement): string => [element.text, ...descendants(element).map((child) => child.text)].join('');

export function readSvg(svg: string): { root: SvgElement; all: SvgElement[]; byClass: (name: string) => SvgElement[] } {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const root = (parser.parse(svg) as Ordered[]).flatMap((node) => toElement(node) ?? []).find((element) => element.tag === 'svg');
  if (!root) throw new Error('no <svg> root');
  const all = descendants(root);
  return { root, all, byClass: (name) => all.filter((element) => (element.attributes.class ?? '').split(' ').includes(name)) };
}

/** The `<title>` of an element (every step and lane carries its full name there). */
export const titleOf = (element: SvgElement): string | undefined => element.children.find((child) => child.tag === 'title')?.text;
