import { formatPath } from '../model/problems';

/**
 * Checks JSON text against the JSON grammar before `JSON.parse` sees it. Engines word their
 * syntax errors differently and V8 often leaves out the position, so the reader finds the
 * first error itself: where it is (line, column and the path inside the document), whether the
 * text merely stops early (a truncated file), and whether brackets nest deeper than any
 * workshop file does — refused here, so no later recursive walk can run out of stack.
 */

export type JsonTextProblem =
  | { readonly kind: 'truncated'; readonly at: TextPlace }
  | { readonly kind: 'unexpected'; readonly at: TextPlace; readonly found: string; readonly expected: string }
  | { readonly kind: 'tooDeep'; readonly at: TextPlace; readonly limit: number }
  | { readonly kind: 'trailing'; readonly at: TextPlace; readonly found: string };

/** A place in the text: 1-based line and column, and the JSON path of the value being read there. */
export interface TextPlace {
  readonly line: number;
  readonly column: number;
  readonly path: string;
}

class Stop {
  constructor(readonly problem: JsonTextProblem) {}
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isHexDigit = (code: number) => isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);

export function findJsonTextProblem(text: string, maxDepth: number): JsonTextProblem | null {
  const end = text.length;
  const path: (string | number)[] = [];
  let i = 0;

  const place = (position: number): TextPlace => ({ ...lineAndColumn(text, position), path: formatPath(path) });
  /** The character at a position as a message shows it: quoted, or as its code point (U+200B) when it is invisible. */
  const charAt = (position: number) => {
    const code = text.codePointAt(position) ?? 0;
    return code <= 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(code)}'`;
  };
  const unexpected = (expected: string): never => {
    if (i >= end) throw new Stop({ kind: 'truncated', at: place(end) });
    throw new Stop({ kind: 'unexpected', at: place(i), found: charAt(i), expected });
  };
  const expect = (char: string, expected: string) => {
    if (text[i] !== char) unexpected(expected);
    i++;
  };
  const skipWhitespace = () => {
    for (let code = text.charCodeAt(i); code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09; code = text.charCodeAt(++i));
  };
  const digits = () => {
    if (!isDigit(text.charCodeAt(i))) unexpected('a digit');
    while (isDigit(text.charCodeAt(i))) i++;
  };

  /** Skips a string literal, checking its escapes; a member's key is sliced from the text afterwards. */
  const string = () => {
    expect('"', 'a property name in double quotes');
    for (let code = text.charCodeAt(i); code !== 0x22; code = text.charCodeAt(i)) {
      if (i >= end) unexpected('the closing "');
      if (code < 0x20) unexpected('a line break or tab inside a string written as \\n or \\t');
      i++;
      if (code !== 0x5c) continue;
      if (i < end && '"\\/bfnrt'.includes(text[i]!)) i++;
      else if (text[i] === 'u') {
        i++;
        for (let n = 0; n < 4; n++) {
          if (!isHexDigit(text.charCodeAt(i))) unexpected('four hex digits after \\u');
          i++;
        }
      } else unexpected('an escape such as \\n, \\" or \\u3042');
    }
    i++;
  };

  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };

  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) unexpected(JSON.stringify(word));
      i++;
    }
  };

  const container = (depth: number, close: '}' | ']', member: (index: number) => void) => {
    if (depth >= maxDepth) throw new Stop({ kind: 'tooDeep', at: place(i), limit: maxDepth });
    i++;
    skipWhitespace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (let index = 0; ; index++) {
      member(index);
      skipWhitespace();
      if (text[i] === ',') {
        i++;
        skipWhitespace();
      } else {
        expect(close, `',' or '${close}'`);
        return;
      }
    }
  };

  const value = (depth: number): void => {
    skipWhitespace();
    const char = text[i];
    if (char === '{') {
      container(depth, '}', () => {
        const start = i;
        string();
        const literal = text.slice(start, i);
        const key = literal.includes('\\') ? (JSON.parse(literal) as string) : literal.slice(1, -1);
        skipWhitespace();
        expect(':', "':' after the property name");
        path.push(key);
        value(depth + 1);
        path.pop();
      });
    } else if (char === '[') {
      container(depth, ']', (index) => {
        path.push(index);
        value(depth + 1);
        path.pop();
      });
    } else if (char === '"') string();
    else if (char === '-' || isDigit(text.charCodeAt(i))) number();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else unexpected('a value (an object, array, string, number, true, false or null)');
  };

  try {
    value(0);
    skipWhitespace();
    if (i < end) return { kind: 'trailing', at: place(i), found: charAt(i) };
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
}

/** 1-based line and column of a position, as text editors count them (a line ends at \n). */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let next = text.indexOf('\n'); next !== -1 && next < position; next = text.indexOf('\n', next + 1)) {
    line++;
    lineStart = next + 1;
  }
  return { line, column: position - lineStart + 1 };
}
