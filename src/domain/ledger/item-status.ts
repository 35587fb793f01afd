// The status loop of a work item (对账销号): 未开始 → 推进中 → 已完成(待复核) → 已销号, or 退回 from
// 已完成 back to 推进中 with a reason. The same rules stand in SQL (private.item_transition), where
// they are enforced; this copy lets the UI offer only the actions that will be accepted. A
// database test compares the two over every combination.
export type ItemStatus = 'not_started' | 'in_progress' | 'done' | 'closed';
export const ITEM_STATUSES: readonly ItemStatus[] = ['not_started', 'in_progress', 'done', 'closed'];

export type ItemAction = 'start' | 'report' | 'complete' | 'close' | 'return';
export const ITEM_ACTIONS: readonly ItemAction[] = ['start', 'report', 'complete', 'close', 'return'];

export type MemberRole = 'planner' | 'command' | 'township' | 'viewer';
export const MEMBER_ROLES: readonly MemberRole[] = ['planner', 'command', 'township', 'viewer'];

export type TransitionRefusal =
  'unknown_action' | 'role_not_allowed' | 'status_not_allowed' | 'note_required';

interface Rule {
  from: readonly ItemStatus[];
  to: ItemStatus;
  roles: readonly MemberRole[];
  needsNote: boolean;
  /** Completing needs at least one photo or file; the database checks it at commit. */
  needsEvidence: boolean;
}

const REPORTERS: readonly MemberRole[] = ['township', 'command', 'planner'];
const REVIEWERS: readonly MemberRole[] = ['command', 'planner'];

export const ITEM_RULES: Readonly<Record<ItemAction, Rule>> = {
  start: {
    from: ['not_started'],
    to: 'in_progress',
    roles: REPORTERS,
    needsNote: false,
    needsEvidence: false,
  },
  report: {
    from: ['not_started', 'in_progress'],
    to: 'in_progress',
    roles: REPORTERS,
    needsNote: true,
    needsEvidence: false,
  },
  complete: {
    from: ['not_started', 'in_progress'],
    to: 'done',
    roles: REPORTERS,
    needsNote: false,
    needsEvidence: true,
  },
  close: { from: ['done'], to: 'closed', roles: REVIEWERS, needsNote: false, needsEvidence: false },
  return: { from: ['done'], to: 'in_progress', roles: REVIEWERS, needsNote: true, needsEvidence: false },
};

export function itemTransition(
  from: ItemStatus,
  action: string,
  role: MemberRole | null,
  note: string | null,
): { ok: true; to: ItemStatus } | { ok: false; reason: TransitionRefusal } {
  const rule = (ITEM_RULES as Record<string, Rule | undefined>)[action];
  if (!rule) return { ok: false, reason: 'unknown_action' };
  if (!role || !rule.roles.includes(role)) return { ok: false, reason: 'role_not_allowed' };
  if (!rule.from.includes(from)) return { ok: false, reason: 'status_not_allowed' };
  if (rule.needsNote && !note?.trim()) return { ok: false, reason: 'note_required' };
  return { ok: true, to: rule.to };
}

/** The actions a member may take on an item in this status (a note may still be required). */
export function availableActions(from: ItemStatus, role: MemberRole | null): ItemAction[] {
  return ITEM_ACTIONS.filter((a) => itemTransition(from, a, role, 'x').ok);
}
