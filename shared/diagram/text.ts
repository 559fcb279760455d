/**
 * Text in exported SVG: escaped for XML, measured without a DOM, wrapped to a width. The
 * measure is an estimate — full-width (Japanese) characters are one em wide, others a little
 * over half — which errs on the wide side so wrapped lines fit in any Japanese UI font.
 */

/** Characters XML 1.0 does not allow at all; a label pasted from elsewhere may carry them. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text or an attribute value as XML: `&`, `<`, `>`, quotes escaped; characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Fonts that carry Japanese glyphs on Windows, macOS and Linux, then the generic family. */
export const FONT_FAMILY =
  "'Noto Sans JP', 'Hiragino Kaku Gothic ProN', 'Hiragino Sans', 'Yu Gothic UI', 'Yu Gothic', Meiryo, 'Noto Sans CJK JP', 'IPAexGothic', 'IPAGothic', sans-serif";

const isWide = (codePoint: number): boolean =>
  (codePoint >= 0x1100 && codePoint <= 0x115f) ||
  (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
  (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
  (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
  (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
  (codePoint >= 0xff00 && codePoint <= 0xff60) ||
  (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
  (codePoint >= 0x2600 && codePoint <= 0x27bf) ||
  codePoint >= 0x1f000;

/** Width of one character at font size 1. */
function charWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (isWide(codePoint)) return 1;
  if (char === ' ') return 0.3;
  if (/[A-Z@MW%&]/.test(char)) return 0.68;
  if (/[il.,:;'|!()[\]]/.test(char)) return 0.3;
  return 0.56;
}

/** Estimated width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width * fontSize;
}

/** Where a line may break: before a wide character, after a space or a hyphen, never inside a Latin word unless it is too long. */
function tokens(text: string): string[] {
  const result: string[] = [];
  let word = '';
  for (const char of text) {
    const wide = isWide(char.codePointAt(0) ?? 0);
    if (wide) {
      if (word) result.push(word);
      word = '';
      result.push(char);
    } else if (char === ' ' || char === '-' || char === '/') {
      result.push(word + char);
      word = '';
    } else {
      word += char;
    }
  }
  if (word) result.push(word);
  return result;
}

/** Removes characters from the end until `line…` fits. */
function withEllipsis(line: string, maxWidth: number, fontSize: number): string {
  let characters = Array.from(line.trimEnd());
  while (characters.length > 0 && textWidth(`${characters.join('')}…`, fontSize) > maxWidth) characters = characters.slice(0, -1);
  return `${characters.join('').trimEnd()}…`;
}

/**
 * `text` in lines no wider than `maxWidth`, at most `maxLines` (the last one ending in `…` when
 * text is left over). Line breaks in the text are kept; whitespace runs collapse.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let truncated = false;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const token of tokens(paragraph.replace(/\s+/g, ' ').trim())) {
      if (textWidth(line + token, fontSize) <= maxWidth || (line === '' && textWidth(token, fontSize) <= maxWidth)) {
        line += token;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      // A word longer than a line is broken wherever it must be.
      for (const char of token) {
        if (textWidth(line + char, fontSize) > maxWidth && line) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  if (lines.length > maxLines) {
    truncated = true;
    lines.length = Math.max(1, maxLines);
  }
  if (truncated) {
    const last = lines.length - 1;
    lines[last] = withEllipsis(lines[last] ?? '', maxWidth, fontSize);
  }
  return lines;
}
