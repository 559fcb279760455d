/**
 * Shift_JIS as Windows writes it (CP932), for Japanese systems that read nothing else.
 *
 * iconv-lite is loaded on first use (`import()`), so it is a separate chunk in the renderer
 * bundle, fetched only when someone exports in Shift_JIS. It works in the browser bundle
 * without a Buffer global: its `safer-buffer` dependency requires `buffer`, which Vite
 * resolves to the npm `buffer` polyfill present in node_modules — note that package is there
 * as a dependency of exceljs (archiver → tar-stream → bl), not of iconv-lite.
 */

/** A character CP932 cannot hold, and where it is. */
export interface UnencodableCharacter {
  readonly character: string;
  /** `U+20BB7` */
  readonly codePoint: string;
  /** Row as a spreadsheet numbers it: the header is row 1. */
  readonly row: number;
  readonly column: string;
  /** The requirement the row is about, when there is one. */
  readonly key: string | null;
}

/** The cells to check, with what to call them in a message. */
export interface LocatedCell {
  readonly text: string;
  readonly row: number;
  readonly column: string;
  readonly key: string | null;
}

/**
 * The same JIS X 0208 characters under the Unicode mapping Macs and JIS-based systems use:
 * text typed there (〜 WAVE DASH, − MINUS SIGN, …) is written with the CP932 byte of the
 * same character instead of being refused. Nothing else is substituted.
 */
const JIS_TO_MICROSOFT: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 wave dash → ～ fullwidth tilde
  '\u2016': '\u2225', // ‖ double vertical line → ∥ parallel to
  '\u2212': '\uFF0D', // − minus sign → － fullwidth hyphen-minus
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u2014': '\u2015', // — em dash → ― horizontal bar
};
const JIS_VARIANTS = new RegExp(`[${Object.keys(JIS_TO_MICROSOFT).join('')}]`, 'g');

export function toMicrosoftForms(text: string): string {
  return text.replace(JIS_VARIANTS, (character) => JIS_TO_MICROSOFT[character] ?? character);
}

type Iconv = typeof import('iconv-lite');
let iconvLoading: Promise<Iconv> | undefined;

function loadIconv(): Promise<Iconv> {
  iconvLoading ??= import('iconv-lite').then((loaded) => (loaded as { default?: Iconv }).default ?? loaded);
  return iconvLoading;
}

/** What iconv-lite writes for a character CP932 has no byte for. */
const REPLACEMENT = 0x3f; // "?"

function codePointOf(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export type Cp932Result = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly unencodable: readonly UnencodableCharacter[] };

/**
 * The text as CP932 bytes, or every character of it CP932 cannot hold, located by `cells`
 * (the same text, cell by cell) — never a silent "?". One encoder pass decides: 0x3F occurs in
 * CP932 only as "?" (trail bytes start at 0x40), so more 0x3F bytes than "?" characters means
 * something was replaced; only then are the cells searched.
 */
export async function encodeCp932(text: string, cells: () => Iterable<LocatedCell>): Promise<Cp932Result> {
  const iconv = await loadIconv();
  const encoded = iconv.encode(text, 'cp932');
  let replaced = 0;
  for (const byte of encoded) if (byte === REPLACEMENT) replaced += 1;
  let questionMarks = 0;
  for (let at = text.indexOf('?'); at !== -1; at = text.indexOf('?', at + 1)) questionMarks += 1;
  if (replaced === questionMarks) return { ok: true, bytes: new Uint8Array(encoded) }; // a plain copy: iconv-lite returns a Buffer
  return { ok: false, unencodable: findUnencodable(iconv, cells()) };
}

/** Each character CP932 lacks, once per cell; each distinct character is tried once. */
function findUnencodable(iconv: Iconv, cells: Iterable<LocatedCell>): UnencodableCharacter[] {
  const verdict = new Map<string, boolean>();
  const encodable = (character: string) => {
    let known = verdict.get(character);
    if (known === undefined) {
      const bytes = iconv.encode(character, 'cp932');
      known = character === '?' || !(bytes.length === 1 && bytes[0] === REPLACEMENT);
      verdict.set(character, known);
    }
    return known;
  };
  const found: UnencodableCharacter[] = [];
  for (const cell of cells) {
    const seen = new Set<string>();
    for (const character of cell.text) {
      if (seen.has(character) || encodable(character)) continue;
      seen.add(character);
      found.push({ character, codePoint: codePointOf(character), row: cell.row, column: cell.column, key: cell.key });
    }
  }
  return found;
}
