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

/**
 * UTF-8 bytes of the text, after a byte order mark when asked; a lone surrogate becomes
 * U+FFFD, as TextEncoder does. Encoded here rather than with TextEncoder because for the
 * multi-megabyte files a large backlog makes, Chromium's `encode()` was the slowest stage of a
 * CSV export (110 ms for 4.5 MB in the export benchmark; `encodeInto` 45–70 ms; this 33–40 ms).
 */
export function utf8Bytes(text: string, byteOrderMark = false): Uint8Array {
  const bytes = new Uint8Array((byteOrderMark ? 3 : 0) + text.length * 3);
  let at = 0;
  if (byteOrderMark) {
    bytes[at++] = 0xef;
    bytes[at++] = 0xbb;
    bytes[at++] = 0xbf;
  }
  for (let index = 0; index < text.length; index += 1) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      bytes[at++] = code;
      continue;
    }
    if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code < 0xe000) {
      const next = text.charCodeAt(index + 1);
      if (code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        index += 1;
        continue;
      }
      code = 0xfffd;
    }
    bytes[at++] = 0xe0 | (code >> 12);
    bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
    bytes[at++] = 0x80 | (code & 0x3f);
  }
  return bytes.slice(0, at);
}
