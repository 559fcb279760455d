/**
 * What a file that is not a workshop file looks like, so the error can say "this is a BPMN
 * diagram" instead of only "not valid JSON". Each function returns a phrase such as
 * "a PDF document", or null when the file is not recognised.
 */

const byteSignatures: readonly (readonly [readonly number[], string])[] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (for example an Excel .xlsx or Word .docx file)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel 97–2003 (.xls) or Word (.doc) file'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  // Excel's and Notepad's "Unicode text": the content may be fine, the encoding is not.
  [[0xff, 0xfe], 'text in UTF-16 (a workshop file is UTF-8)'],
  [[0xfe, 0xff], 'text in UTF-16 (a workshop file is UTF-8)'],
];

export function recogniseBytes(bytes: Uint8Array): string | null {
  const match = byteSignatures.find(([signature]) => signature.every((byte, index) => bytes[index] === byte));
  return match ? match[1] : null;
}

/** Text that starts with `<`: some kind of XML or HTML. */
export function recogniseMarkup(text: string): string | null {
  const head = text.slice(0, 4096).trimStart();
  if (!head.startsWith('<')) return null;
  // Every BPMN 2.0 file (Camunda Modeler, bpmn.io, Signavio) declares this namespace on its root.
  if (head.includes('http://www.omg.org/spec/BPMN/20100524/MODEL')) return 'a BPMN 2.0 diagram (XML) — import it as a BPMN map instead';
  if (/<mxfile[\s>]/.test(head)) return 'a draw.io diagram';
  if (/<!doctype html|<html[\s>]/i.test(head)) return 'a web page (HTML)';
  return 'an XML document';
}

/** A JSON object whose `type` is not a workshop's. */
export function recogniseJson(value: Readonly<Record<string, unknown>>): string | null {
  const { type } = value;
  if (typeof type === 'string' && type.startsWith('kakehashi-')) return `a Kakehashi file of another kind ("${type}"), not a workshop`;
  if (type === 'excalidraw') return 'an Excalidraw drawing';
  if (typeof value.$type === 'string' && value.$type.startsWith('bpmn:')) return 'a BPMN model saved as JSON';
  if (Array.isArray(value.issues)) return 'an issue export (Jira or a similar tracker)';
  const isPackage = typeof value.name === 'string' && typeof value.version === 'string';
  if (isPackage && (Object.hasOwn(value, 'dependencies') || Object.hasOwn(value, 'scripts'))) return 'an npm package.json';
  return null;
}
