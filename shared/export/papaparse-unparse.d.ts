/**
 * The one papaparse function the exporters use, typed here because @types/papaparse pulls in
 * Node's types (`/// <reference types="node" />`), which would give the renderer's type check
 * `Buffer` and `process` that do not exist in the browser. Imported by file path so this
 * declaration, not @types/papaparse, describes it.
 */
declare module 'papaparse/papaparse.min.js' {
  interface UnparseConfig {
    /** Record separator. */
    newline?: string;
    /** Quote every field (true) or only those that need it (false). */
    quotes?: boolean;
    /** papaparse's own formula escaping; off, as `neutraliseFormula` does it for every writer. */
    escapeFormulae?: boolean;
  }
  interface Papa {
    unparse(data: { fields: readonly string[]; data: readonly (readonly string[])[] }, config?: UnparseConfig): string;
  }
  const papa: Papa;
  export default papa;
}
