import { describe, expect, it } from 'vitest';
import { availableActions, itemTransition } from './item-status';

describe('itemTransition', () => {
  it('walks the loop 未开始 → 推进中 → 已完成 → 已销号', () => {
    expect(itemTransition('not_started', 'start', 'township', null)).toEqual({ ok: true, to: 'in_progress' });
    expect(itemTransition('in_progress', 'report', 'township', '进展')).toEqual({
      ok: true,
      to: 'in_progress',
    });
    expect(itemTransition('in_progress', 'complete', 'township', null)).toEqual({ ok: true, to: 'done' });
    expect(itemTransition('done', 'close', 'command', null)).toEqual({ ok: true, to: 'closed' });
  });

  it('sends a done item back (退回) only with a reason', () => {
    expect(itemTransition('done', 'return', 'planner', '')).toEqual({ ok: false, reason: 'note_required' });
    expect(itemTransition('done', 'return', 'planner', '  ')).toEqual({ ok: false, reason: 'note_required' });
    expect(itemTransition('done', 'return', 'planner', '照片不清')).toEqual({ ok: true, to: 'in_progress' });
  });

  it('keeps closing and returning from townships and everything from viewers', () => {
    expect(itemTransition('done', 'close', 'township', null)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
    expect(itemTransition('done', 'return', 'township', 'x')).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
    expect(itemTransition('not_started', 'start', 'viewer', null)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
    expect(itemTransition('not_started', 'start', null, null)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
  });

  it('refuses actions from the wrong status and unknown actions', () => {
    expect(itemTransition('closed', 'report', 'planner', 'x')).toEqual({
      ok: false,
      reason: 'status_not_allowed',
    });
    expect(itemTransition('in_progress', 'close', 'command', null)).toEqual({
      ok: false,
      reason: 'status_not_allowed',
    });
    expect(itemTransition('done', 'explode', 'planner', null)).toEqual({
      ok: false,
      reason: 'unknown_action',
    });
  });
});

describe('availableActions', () => {
  it('offers each role what it may do now', () => {
    expect(availableActions('not_started', 'township')).toEqual(['start', 'report', 'complete']);
    expect(availableActions('done', 'township')).toEqual([]);
    expect(availableActions('done', 'command')).toEqual(['close', 'return']);
    expect(availableActions('closed', 'planner')).toEqual([]);
    expect(availableActions('in_progress', 'viewer')).toEqual([]);
  });
});
