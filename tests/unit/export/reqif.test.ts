import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { WorkshopDocument } from '../../../shared/model';
import { backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';
import { expectGolden, exportBytes, utf8 } from './exportKit';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Every element that can repeat is an array, so one requirement reads like many.
  isArray: (name) => ['SPEC-OBJECT', 'SPEC-RELATION', 'SPEC-HIERARCHY', 'ATTRIBUTE-VALUE-STRING', 'ATTRIBUTE-VALUE-XHTML', 'SPEC-OBJECT-TYPE', 'SPECIFICATION', 'ATTRIBUTE-DEFINITION-STRING', 'ATTRIBUTE-DEFINITION-XHTML', 'xhtml:p', 'xhtml:li'].includes(name),
  preserveOrder: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true, // decodes numeric character references (&#10;) too
});

async function reqif(document: WorkshopDocument = backlogDocumentWithRequirements()) {
  const text = utf8(await exportBytes('reqif', document));
  expect(XMLValidator.validate(text)).toBe(true);
  const root = (parser.parse(text) as Node)['REQ-IF'] as Node;
  const content = ((root['CORE-CONTENT'] as Node)['REQ-IF-CONTENT'] as Node) ?? {};
  return { text, root, content };
}

const objects = (content: Node) => ((content['SPEC-OBJECTS'] as Node)['SPEC-OBJECT'] as Node[]) ?? [];
const typeOf = (object: Node) => ((object.TYPE as Node)['SPEC-OBJECT-TYPE-REF'] as string).trim();

/** An object's string attributes by the LONG-NAME of their definition. */
function stringValues(content: Node, object: Node): Record<string, string> {
  const definitions = new Map<string, string>();
  for (const type of (content['SPEC-TYPES'] as Node)['SPEC-OBJECT-TYPE'] as Node[]) {
    for (const definition of ((type['SPEC-ATTRIBUTES'] as Node)['ATTRIBUTE-DEFINITION-STRING'] as Node[]) ?? []) {
      definitions.set(definition['@IDENTIFIER'] as string, definition['@LONG-NAME'] as string);
    }
  }
  return Object.fromEntries(
    ((object.VALUES as Node)['ATTRIBUTE-VALUE-STRING'] as Node[]).map((value) => [
      definitions.get(((value.DEFINITION as Node)['ATTRIBUTE-DEFINITION-STRING-REF'] as string).trim()),
      value['@THE-VALUE'] as string,
    ]),
  );
}

describe('ReqIF 1.0', () => {
  it('is well-formed XML with the ReqIF header and namespace, and matches the golden file', async () => {
    const { text, root } = await reqif();
    expectGolden('backlog.reqif', text);
    expect(root['@xmlns']).toBe('http://www.omg.org/spec/ReqIF/20110401/reqif.xsd');
    expect((root['THE-HEADER'] as Node)['REQ-IF-HEADER']).toMatchObject({
      'CREATION-TIME': '2026-11-25T09:00:00.000Z',
      'REQ-IF-VERSION': '1.0',
      'REQ-IF-TOOL-ID': 'Kakehashi',
      'SOURCE-TOOL-ID': 'Kakehashi 0.1.0',
      TITLE: '要件バックログ: 買掛金業務 改善ワークショップ',
    });
  });

  it('has the content parts in the order the schema requires', async () => {
    const { text } = await reqif();
    const positions = ['<DATATYPES>', '<SPEC-TYPES>', '<SPEC-OBJECTS>', '<SPEC-RELATIONS>', '<SPECIFICATIONS>'].map((tag) => text.indexOf(tag));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes each requirement as a SPEC-OBJECT with ForeignID, Name, Category and an XHTML Text', async () => {
    const document = backlogDocumentWithRequirements();
    const { content } = await reqif(document);
    const requirements = objects(content).filter((object) => typeOf(object) === 'kakehashi-type-requirement');
    expect(requirements.map((object) => stringValues(content, object)['ReqIF.ForeignID'])).toEqual(document.requirements.map((requirement) => requirement.key));
    expect(stringValues(content, requirements[0]!)).toMatchObject({ 'ReqIF.Name': document.requirements[0]!.title, 'ReqIF.Category': 'データ・マスタ', 'Kakehashi.Priority': 'Must（必須）' });
    expect(requirements[0]!['@IDENTIFIER']).toBe('requirement-golden001');
    const text = ((requirements[0]!.VALUES as Node)['ATTRIBUTE-VALUE-XHTML'] as Node[])[0]!;
    expect((((text['THE-VALUE'] as Node)['xhtml:div'] as Node)['xhtml:p'] as string[])[0]).toBe(document.requirements[0]!.description);
  });

  it('writes what they trace to as SPEC-OBJECTs of another type, joined by SPEC-RELATIONs that all resolve', async () => {
    const { content } = await reqif();
    const all = objects(content);
    const ids = all.map((object) => object['@IDENTIFIER'] as string);
    expect(new Set(ids).size).toBe(ids.length);
    const sources = all.filter((object) => typeOf(object) === 'kakehashi-type-source');
    expect(sources.map((object) => stringValues(content, object)['ReqIF.Category'])).toEqual(expect.arrayContaining(['困りごと', '例外処理', '承認ルール', '帳票項目', 'As-Is 工程', 'To-Be 工程', 'KPI']));
    const pain = sources.find((object) => object['@IDENTIFIER'] === 'pain-doubleEnt')!;
    expect(stringValues(content, pain)).toEqual({ 'ReqIF.ForeignID': 'pain:doubleEnt', 'ReqIF.Name': '支払依頼書の内容を会計システムに再入力している', 'ReqIF.Category': '困りごと' });
    const relations = (content['SPEC-RELATIONS'] as Node)['SPEC-RELATION'] as Node[];
    expect(relations.length).toBeGreaterThan(40);
    const known = new Set(ids);
    for (const relation of relations) {
      expect(known.has(((relation.SOURCE as Node)['SPEC-OBJECT-REF'] as string).trim())).toBe(true);
      expect(known.has(((relation.TARGET as Node)['SPEC-OBJECT-REF'] as string).trim())).toBe(true);
    }
    const specifications = (content.SPECIFICATIONS as Node).SPECIFICATION as Node[];
    expect(specifications.map((specification) => ((specification.CHILDREN as Node)['SPEC-HIERARCHY'] as Node[]).length)).toEqual([all.length - sources.length, sources.length]);
  });

  it('escapes every text and replaces characters XML cannot carry', async () => {
    const document = backlogDocumentWithRequirements();
    const hostile = 'a < b & "c" \'d\' ]]> <!-- x -->\u0001\ttab\nline';
    const changed = { ...document, requirements: document.requirements.map((requirement, index) => (index === 0 ? { ...requirement, title: hostile, description: hostile } : requirement)) };
    const { content } = await reqif(changed);
    const first = objects(content)[0]!;
    expect(stringValues(content, first)['ReqIF.Name']).toBe('a < b & "c" \'d\' ]]> <!-- x -->\uFFFD\ttab\nline');
  });
});
