// bpmn-moddle ships types for the BPMN meta-model (`bpmn-moddle/types`) but none for its entry
// point; this declares the part of it Kakehashi uses.
declare module 'bpmn-moddle' {
  import type { Moddle, ModdleElement } from 'moddle';

  /** A reader warning: an element or reference the meta-model does not know. */
  export interface BpmnReadWarning extends Error {
    readonly element?: ModdleElement;
    readonly property?: string;
    readonly value?: unknown;
  }

  export interface BpmnReadResult {
    readonly rootElement: ModdleElement;
    readonly warnings: readonly BpmnReadWarning[];
    readonly elementsById: Readonly<Record<string, ModdleElement>>;
  }

  /** What `fromXML` rejects with: not XML, or not rooted in `bpmn:Definitions`. */
  export interface BpmnReadError extends Error {
    readonly warnings?: readonly BpmnReadWarning[];
  }

  export class BpmnModdle extends Moddle {
    constructor(extensionPackages?: Record<string, unknown>, options?: { strict?: boolean });
    fromXML(xml: string): Promise<BpmnReadResult>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
  }
}
