import { sourceExists, sourceKey, sourceLabel, uniqueSources } from '../backlog';
import type { Requirement, RequirementSource } from '../model/requirement';
import type { ExportContext } from './context';
import { xmlCharacters } from './markup';

/**
 * ReqIF 1.0 (OMG, the exchange format of DOORS, Polarion, Jama, Enterprise Architect…): the
 * requirements as SPEC-OBJECTs with the standard attributes ReqIF.ForeignID (the key),
 * ReqIF.Name, ReqIF.Text (XHTML) and ReqIF.Category (the type), plus priority, owner, status
 * and acceptance criteria; what they trace to (pain points, exceptions, steps, KPIs…) as
 * SPEC-OBJECTs of a second type, joined by SPEC-RELATIONs; one SPECIFICATION for each kind.
 *
 * IDENTIFIERs are xsd:IDs, which cannot hold ":": `requirement:abc` is written
 * `requirement-abc` (unique, as the prefixes are). Text is escaped; characters XML 1.0
 * cannot carry at all (control characters, lone surrogates) become U+FFFD.
 */

const NS = 'http://www.omg.org/spec/ReqIF/20110401/reqif.xsd';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const ID = {
  header: 'kakehashi-header',
  string: 'kakehashi-datatype-string',
  xhtml: 'kakehashi-datatype-xhtml',
  requirementType: 'kakehashi-type-requirement',
  sourceType: 'kakehashi-type-source',
  traceType: 'kakehashi-type-trace',
  specificationType: 'kakehashi-type-specification',
  backlog: 'kakehashi-specification-backlog',
  sources: 'kakehashi-specification-sources',
} as const;

interface AttributeDefinition {
  readonly id: string;
  readonly name: string;
  readonly kind: 'STRING' | 'XHTML';
}

const REQUIREMENT_ATTRIBUTES = {
  foreignId: { id: 'kakehashi-requirement-foreign-id', name: 'ReqIF.ForeignID', kind: 'STRING' },
  name: { id: 'kakehashi-requirement-name', name: 'ReqIF.Name', kind: 'STRING' },
  text: { id: 'kakehashi-requirement-text', name: 'ReqIF.Text', kind: 'XHTML' },
  category: { id: 'kakehashi-requirement-category', name: 'ReqIF.Category', kind: 'STRING' },
  priority: { id: 'kakehashi-requirement-priority', name: 'Kakehashi.Priority', kind: 'STRING' },
  owner: { id: 'kakehashi-requirement-owner', name: 'Kakehashi.Owner', kind: 'STRING' },
  status: { id: 'kakehashi-requirement-status', name: 'Kakehashi.Status', kind: 'STRING' },
  acceptanceCriteria: { id: 'kakehashi-requirement-acceptance', name: 'Kakehashi.AcceptanceCriteria', kind: 'XHTML' },
} as const satisfies Record<string, AttributeDefinition>;

const SOURCE_ATTRIBUTES = {
  foreignId: { id: 'kakehashi-source-foreign-id', name: 'ReqIF.ForeignID', kind: 'STRING' },
  name: { id: 'kakehashi-source-name', name: 'ReqIF.Name', kind: 'STRING' },
  category: { id: 'kakehashi-source-category', name: 'ReqIF.Category', kind: 'STRING' },
} as const satisfies Record<string, AttributeDefinition>;

const xmlText = (text: string) => xmlCharacters(text).replace(/[&<>]/g, (character) => XML_ENTITIES[character] ?? character);

/** Attribute values also escape quotes, and line breaks and tabs, which parsers would otherwise fold into spaces. */
const xmlAttribute = (text: string) => xmlText(text).replace(/["\t\n\r]/g, (character) => XML_ENTITIES[character] ?? character);

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

const xmlId = (id: string) => id.replace(':', '-');

/** An XML element before it is written: attributes unescaped, children elements or one escaped text. */
interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Elements, or text already escaped (or markup, for XHTML values). */
  readonly children: readonly XmlElement[] | string;
}

function element(name: string, attributes: Readonly<Record<string, string>>, children: readonly XmlElement[] | string = []): XmlElement {
  return { name, attributes, children };
}

/** Writes the tree once, two spaces per level, into `lines` (joining at the end keeps it linear in the output size). */
function writeElement(node: XmlElement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  let open = `${indent}<${node.name}`;
  for (const [key, value] of Object.entries(node.attributes)) open += ` ${key}="${xmlAttribute(value)}"`;
  if (typeof node.children === 'string') lines.push(`${open}>${node.children}</${node.name}>`);
  else if (node.children.length === 0) lines.push(`${open}/>`);
  else {
    lines.push(`${open}>`);
    for (const child of node.children) writeElement(child, depth + 1, lines);
    lines.push(`${indent}</${node.name}>`);
  }
}

const identifiable = (id: string, lastChange: string, longName?: string) => ({
  IDENTIFIER: id,
  'LAST-CHANGE': lastChange,
  ...(longName === undefined ? {} : { 'LONG-NAME': longName }),
});

function definition(attribute: AttributeDefinition, lastChange: string): XmlElement {
  const datatype = attribute.kind === 'STRING' ? ID.string : ID.xhtml;
  return element(`ATTRIBUTE-DEFINITION-${attribute.kind}`, identifiable(attribute.id, lastChange, attribute.name), [
    element('TYPE', {}, [element(`DATATYPE-DEFINITION-${attribute.kind}-REF`, {}, datatype)]),
  ]);
}

function stringValue(attribute: AttributeDefinition, value: string): XmlElement {
  return element('ATTRIBUTE-VALUE-STRING', { 'THE-VALUE': value }, [element('DEFINITION', {}, [element('ATTRIBUTE-DEFINITION-STRING-REF', {}, attribute.id)])]);
}

/** XHTML content: paragraphs split at blank lines, line breaks kept, or a bullet list. */
function xhtmlValue(attribute: AttributeDefinition, content: string): XmlElement {
  return element('ATTRIBUTE-VALUE-XHTML', {}, [
    element('THE-VALUE', {}, `<xhtml:div>${content}</xhtml:div>`),
    element('DEFINITION', {}, [element('ATTRIBUTE-DEFINITION-XHTML-REF', {}, attribute.id)]),
  ]);
}

const xhtmlParagraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => `<xhtml:p>${xmlText(paragraph).replace(/\r?\n/g, '<xhtml:br/>')}</xhtml:p>`)
    .join('');

const xhtmlList = (items: readonly string[]) => `<xhtml:ul>${items.map((item) => `<xhtml:li>${xmlText(item)}</xhtml:li>`).join('')}</xhtml:ul>`;

function specObject(id: string, lastChange: string, type: string, values: readonly XmlElement[]): XmlElement {
  return element('SPEC-OBJECT', identifiable(id, lastChange), [element('VALUES', {}, values), element('TYPE', {}, [element('SPEC-OBJECT-TYPE-REF', {}, type)])]);
}

function requirementObject(ctx: ExportContext, requirement: Requirement): XmlElement {
  const { labels } = ctx;
  const a = REQUIREMENT_ATTRIBUTES;
  return specObject(xmlId(requirement.id), requirement.updatedAt, ID.requirementType, [
    stringValue(a.foreignId, requirement.key),
    stringValue(a.name, requirement.title),
    xhtmlValue(a.text, xhtmlParagraphs(requirement.description)),
    stringValue(a.category, labels.requirementType[requirement.type]),
    stringValue(a.priority, labels.priority[requirement.priority]),
    stringValue(a.owner, labels.owner[requirement.owner]),
    stringValue(a.status, labels.status[requirement.status]),
    ...(requirement.acceptanceCriteria.length ? [xhtmlValue(a.acceptanceCriteria, xhtmlList(requirement.acceptanceCriteria))] : []),
  ]);
}

/** What the requirements trace to and the workshop still has, each once, in first-traced order. */
function tracedSources(ctx: ExportContext): RequirementSource[] {
  const sources = ctx.requirements.flatMap((requirement) => requirement.sources).filter((source) => sourceExists(ctx.index, source));
  return uniqueSources(sources);
}

function sourceObject(ctx: ExportContext, source: RequirementSource): XmlElement {
  const a = SOURCE_ATTRIBUTES;
  return specObject(xmlId(source.id), ctx.options.now, ID.sourceType, [
    stringValue(a.foreignId, source.id),
    stringValue(a.name, sourceLabel(ctx.index, source, ctx.options.lang)),
    stringValue(a.category, ctx.labels.sourceKind[source.kind]),
  ]);
}

function traceRelations(ctx: ExportContext, exported: ReadonlySet<string>): XmlElement[] {
  return ctx.requirements.flatMap((requirement) =>
    requirement.sources
      .filter((source) => exported.has(sourceKey(source)))
      .map((source, index) =>
        element('SPEC-RELATION', identifiable(`trace-${xmlId(requirement.id)}-${index + 1}`, requirement.updatedAt), [
          element('SOURCE', {}, [element('SPEC-OBJECT-REF', {}, xmlId(requirement.id))]),
          element('TARGET', {}, [element('SPEC-OBJECT-REF', {}, xmlId(source.id))]),
          element('TYPE', {}, [element('SPEC-RELATION-TYPE-REF', {}, ID.traceType)]),
        ]),
      ),
  );
}

function specification(id: string, name: string, lastChange: string, objectIds: readonly string[]): XmlElement {
  return element('SPECIFICATION', identifiable(id, lastChange, name), [
    element('TYPE', {}, [element('SPECIFICATION-TYPE-REF', {}, ID.specificationType)]),
    element(
      'CHILDREN',
      {},
      objectIds.map((objectId) => element('SPEC-HIERARCHY', identifiable(`${id}-${objectId}`, lastChange), [element('OBJECT', {}, [element('SPEC-OBJECT-REF', {}, objectId)])])),
    ),
  ]);
}

export function reqifXml(ctx: ExportContext): string {
  const { now, app } = ctx.options;
  const { workshop } = ctx.index.document;
  const sources = tracedSources(ctx);
  const exported = new Set(sources.map(sourceKey));
  const title = `${ctx.labels.report.title}: ${workshop.name}`;
  const root = element('REQ-IF', { xmlns: NS, 'xmlns:xhtml': XHTML_NS }, [
    element('THE-HEADER', {}, [
      element('REQ-IF-HEADER', { IDENTIFIER: ID.header }, [
        element('CREATION-TIME', {}, now),
        element('REPOSITORY-ID', {}, xmlText(workshop.id)),
        element('REQ-IF-TOOL-ID', {}, 'Kakehashi'),
        element('REQ-IF-VERSION', {}, '1.0'),
        element('SOURCE-TOOL-ID', {}, xmlText(app)),
        element('TITLE', {}, xmlText(title)),
      ]),
    ]),
    element('CORE-CONTENT', {}, [
      element('REQ-IF-CONTENT', {}, [
        element('DATATYPES', {}, [
          element('DATATYPE-DEFINITION-STRING', { ...identifiable(ID.string, now, 'String'), 'MAX-LENGTH': '20000' }),
          element('DATATYPE-DEFINITION-XHTML', identifiable(ID.xhtml, now, 'XHTML')),
        ]),
        element('SPEC-TYPES', {}, [
          element('SPEC-OBJECT-TYPE', identifiable(ID.requirementType, now, 'Requirement'), [
            element('SPEC-ATTRIBUTES', {}, Object.values(REQUIREMENT_ATTRIBUTES).map((attribute) => definition(attribute, now))),
          ]),
          element('SPEC-OBJECT-TYPE', identifiable(ID.sourceType, now, 'Workshop source'), [
            element('SPEC-ATTRIBUTES', {}, Object.values(SOURCE_ATTRIBUTES).map((attribute) => definition(attribute, now))),
          ]),
          element('SPEC-RELATION-TYPE', identifiable(ID.traceType, now, 'Traces to')),
          element('SPECIFICATION-TYPE', identifiable(ID.specificationType, now, 'Specification')),
        ]),
        element('SPEC-OBJECTS', {}, [
          ...ctx.requirements.map((requirement) => requirementObject(ctx, requirement)),
          ...sources.map((source) => sourceObject(ctx, source)),
        ]),
        element('SPEC-RELATIONS', {}, traceRelations(ctx, exported)),
        element('SPECIFICATIONS', {}, [
          specification(ID.backlog, ctx.labels.report.title, now, ctx.requirements.map((requirement) => xmlId(requirement.id))),
          specification(ID.sources, ctx.labels.sourcesHeading, now, sources.map((source) => xmlId(source.id))),
        ]),
      ]),
    ]),
  ]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  writeElement(root, 0, lines);
  return `${lines.join('\n')}\n`;
}
