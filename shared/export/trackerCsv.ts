import type { Process } from '../model/process';
import type { Requirement } from '../model/requirement';
import { processesOfRequirement } from '../backlog';
import type { ExportContext } from './context';

/** Trackers cut titles at 255 characters; the cut is marked. */
export function trackerTitle(requirement: Requirement): string {
  const title = `${requirement.key} ${requirement.title}`;
  return title.length <= 255 ? title : `${title.slice(0, 254)}…`;
}

/**
 * The processes the exported requirements belong to, numbered 1… in the workshop's order:
 * trackers that import a hierarchy get one parent item per process, and each requirement
 * hangs under the first process it traces to.
 */
export interface ParentItems {
  readonly processes: readonly Process[];
  /** 1-based number of a requirement's parent, or null for one that traces to no process. */
  parentOf(requirement: Requirement): number | null;
}

export function parentItems(ctx: ExportContext): ParentItems {
  const firstProcess = new Map(ctx.requirements.map((requirement) => [requirement.id, processesOfRequirement(ctx.index, requirement)[0] ?? null]));
  const used = new Set([...firstProcess.values()].filter((process) => process !== null).map((process) => process.id));
  const processes = ctx.index.processOrder.filter((process) => used.has(process.id));
  const numbers = new Map(processes.map((process, index) => [process.id, index + 1]));
  return {
    processes,
    parentOf: (requirement) => {
      const process = firstProcess.get(requirement.id);
      return process ? (numbers.get(process.id) ?? null) : null;
    },
  };
}

/** Labels and tags: no spaces (Jira refuses them), the key, the type, priority and owner. */
export function trackerLabels(requirement: Requirement): string[] {
  return ['kakehashi', requirement.key, requirement.type, `moscow-${requirement.priority}`, `owner-${requirement.owner}`];
}
