import type { MapState } from '../editor/mapState';
import { normaliseName } from '../model/common';
import type { ParticipantId, StepId } from '../model/ids';
import type { Performer, Step, StepType } from '../model/map';
import type { Participant } from '../model/workshop';

/** Steps that are events or routing, not work someone does. */
const NOT_WORK: ReadonlySet<StepType> = new Set(['start', 'end', 'decision']);

/**
 * 属人化: work only one named person is known to be able to do. A step done by one role
 * (「AP担当」) is not flagged: a role may be several people.
 */
export function keyPersonSteps(state: MapState): Step[] {
  return [...state.steps.values()].filter((step) => !NOT_WORK.has(step.type) && step.performers.length === 1 && step.performers[0]?.kind === 'participant');
}

/** Who someone is for the check: a named participant, or a role (compared width- and case-insensitively). */
export type Actor = { readonly kind: 'participant'; readonly participantId: ParticipantId } | { readonly kind: 'role'; readonly role: string };

export interface DutyConflict {
  /** The approval step where the same actor approves… */
  readonly approvalStepId: StepId;
  /** …what they prepared here, upstream in the same flow. */
  readonly preparedAtStepId: StepId;
  readonly actor: Actor;
}

const roleKey = (role: string) => normaliseName(role.normalize('NFKC')).toLowerCase();

/** Keys naming an actor: their participant id and their role, so 「経理課長」 matches the person whose role it is. */
function actorKeys(performer: Performer, participants: ReadonlyMap<string, Participant>): { key: string; actor: Actor }[] {
  if (performer.kind === 'role') return [{ key: `role:${roleKey(performer.role)}`, actor: performer }];
  const keys: { key: string; actor: Actor }[] = [{ key: `participant:${performer.participantId}`, actor: performer }];
  const role = participants.get(performer.participantId)?.role ?? '';
  if (role.trim()) keys.push({ key: `role:${roleKey(role)}`, actor: performer });
  return keys;
}

/** Steps from which `stepId` can be reached along sequence flows. */
function upstreamOf(state: MapState, stepId: StepId): Set<StepId> {
  const incoming = new Map<StepId, StepId[]>();
  for (const connection of state.connections.values()) {
    if (connection.kind !== 'sequence') continue;
    incoming.set(connection.targetStepId, [...(incoming.get(connection.targetStepId) ?? []), connection.sourceStepId]);
  }
  const seen = new Set<StepId>();
  const queue = [...(incoming.get(stepId) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as StepId;
    if (seen.has(next) || next === stepId) continue;
    seen.add(next);
    queue.push(...(incoming.get(next) ?? []));
  }
  return seen;
}

/**
 * 職務分掌 (segregation of duties): an approval step whose approver — a performer of the step or
 * the approver role of its approval rules — also does work upstream of it in the same flow.
 */
export function dutyConflicts(state: MapState, participants: readonly Participant[]): DutyConflict[] {
  const byId = new Map(participants.map((participant) => [participant.id as string, participant]));
  const conflicts: DutyConflict[] = [];
  for (const approval of state.steps.values()) {
    if (approval.type !== 'approval') continue;
    const approvers = new Map<string, Actor>();
    for (const performer of approval.performers) for (const { key, actor } of actorKeys(performer, byId)) approvers.set(key, actor);
    for (const rule of state.approvalRules.values()) {
      if (rule.stepId === approval.id && rule.approverRole.trim()) approvers.set(`role:${roleKey(rule.approverRole)}`, { kind: 'role', role: rule.approverRole });
    }
    if (approvers.size === 0) continue;
    for (const upstreamId of upstreamOf(state, approval.id)) {
      const upstream = state.steps.get(upstreamId);
      if (!upstream || upstream.type === 'approval' || NOT_WORK.has(upstream.type)) continue;
      const reported = new Set<string>();
      for (const performer of upstream.performers) {
        for (const { key, actor } of actorKeys(performer, byId)) {
          const approver = approvers.get(key);
          const who = actor.kind === 'participant' ? `participant:${actor.participantId}` : key;
          if (!approver || reported.has(who)) continue;
          reported.add(who);
          conflicts.push({ approvalStepId: approval.id, preparedAtStepId: upstream.id, actor });
        }
      }
    }
  }
  return conflicts;
}
