/** Text as HTML/XML character data or attribute value: the five characters that mean markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Characters XML 1.0 cannot carry, escaped or not: C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text an XML file (ReqIF, the parts of an XLSX) can hold: what it cannot becomes U+FFFD, visibly. */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}
