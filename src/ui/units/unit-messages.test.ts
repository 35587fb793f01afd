import { describe, expect, it } from 'vitest';
import { BackendError } from '../../data/backend';
import type { UnitEntry } from '../../domain/ledger/ledger-types';
import { translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { doneText, renameErrorText, renameProblemText, unmergeErrorText } from './unit-messages';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

function unit(over: Partial<UnitEntry> = {}): UnitEntry {
  return {
    id: 'unit-410108-003',
    name: '区环保局',
    kind: 'department',
    covers: null,
    district_code: '410108',
    township_code: null,
    version: 1,
    aliases: [],
    merges: [],
    usage: { lead: 0, cooperating: 0, responsible: 0, items: 0, features: 0 },
    ...over,
  };
}

describe('renameProblemText', () => {
  it('says what is wrong with the name', () => {
    expect(renameProblemText({ reason: 'required', holder: null }, t)).toBe('请输入单位名称');
    expect(renameProblemText({ reason: 'too_long', holder: null }, t)).toBe('单位名称不能超过 50 个字');
    expect(renameProblemText({ reason: 'already_exists', holder: { name: '区城管执法局' } }, t)).toBe(
      '本区（县、市）的“区城管执法局”已使用这个名称或别名',
    );
    expect(renameProblemText({ reason: 'already_exists', holder: null }, t)).toBe(
      '本区（县、市）已有单位使用这个名称或别名',
    );
  });
});

describe('renameErrorText', () => {
  it('reads the refusals of rename_unit', () => {
    const taken = new BackendError('already_exists', 'already_exists', {
      name: '区城管执法局',
      unit: { id: 'unit-410108-006', name: '区城管执法局' },
    });
    expect(renameErrorText(taken, t)).toBe('本区（县、市）的“区城管执法局”已使用这个名称或别名');
    // A unique violation the database raised itself names no unit.
    const race = new BackendError(
      'already_exists',
      'duplicate key',
      'Key (district_code, name) already exists.',
    );
    expect(renameErrorText(race, t)).toBe('本区（县、市）已有单位使用这个名称或别名');
    expect(renameErrorText(new BackendError('invalid_unit_name', 'invalid_unit_name', 'too_long'), t)).toBe(
      '单位名称不能超过 50 个字',
    );
    const stale = new BackendError(
      'stale_version',
      'stale_version',
      unit({ name: '区生态环境分局', version: 2 }),
    );
    expect(renameErrorText(stale, t)).toBe('其他人刚修改了这个单位（现名“区生态环境分局”），请核对后再提交');
    expect(renameErrorText(new BackendError('permission_denied', 'permission_denied'), t)).toBe(
      '重命名失败，未做任何更改：当前身份没有权限执行此操作',
    );
  });
});

describe('unmergeErrorText', () => {
  it('says why a merge cannot be undone', () => {
    const later = new BackendError('cannot_unmerge', 'cannot_unmerge', {
      reason: 'later_merge',
      name: '区黄标办',
      into: '区环保局',
    });
    expect(unmergeErrorText(later, unit(), t)).toBe(
      '拆分失败，未做任何更改：无法撤销：之后又有单位并入“区环保局”，请先撤销后来的合并。',
    );
    const gone = new BackendError('cannot_unmerge', 'cannot_unmerge', {
      reason: 'later_merge',
      name: '区黄标办',
      into: null,
    });
    expect(unmergeErrorText(gone, unit({ name: '区环保局（旧）' }), t)).toContain('并入“区环保局（旧）”');
    expect(unmergeErrorText(new BackendError('not_found', 'not_found'), unit(), t)).toBe(
      '拆分失败，未做任何更改：没有找到这条记录，或它不在您的权限范围内',
    );
  });
});

describe('doneText', () => {
  it('says what a rename did, with the alias only when one was kept', () => {
    expect(
      doneText(
        { kind: 'renamed', from: '区环保局', unit: unit({ name: '区生态环境分局', aliases: ['区环保局'] }) },
        t,
      ),
    ).toBe('已将“区环保局”更名为“区生态环境分局”；“区环保局”作为别名保留，今后导入方案时自动识别。');
    expect(doneText({ kind: 'renamed', from: '区 环保局', unit: unit() }, t)).toBe(
      '已将“区 环保局”更名为“区环保局”。',
    );
  });

  it('offers to undo a merge only when it can be undone', () => {
    const merged = (blocked: 'progress_lost' | null) => ({
      kind: 'merged' as const,
      result: {
        unit: unit({ merges: [{ id: 7, name: '区黄标办', merged_at: '2026-11-24T10:00:00Z', blocked }] }),
        merged: { id: 'unit-410108-011', name: '区黄标办' },
        moved: { assignments: 1, items: 1, features: 0 },
        merge_id: 7,
      },
    });
    expect(doneText(merged(null), t)).toMatch(/如合并有误，可点“拆分…”撤销。$/);
    expect(doneText(merged('progress_lost'), t)).not.toContain('拆分');
  });

  it('counts what an undone merge gave back, and what stays where later edits put it', () => {
    const unmerged = (left: { assignments: number; items: number; features: number }) => ({
      kind: 'unmerged' as const,
      result: {
        unit: unit(),
        restored: unit({ id: 'unit-410108-011', name: '区黄标办' }),
        returned: { assignments: 2, items: 3, features: 4 },
        left,
      },
    });
    expect(doneText(unmerged({ assignments: 0, items: 0, features: 0 }), t)).toBe(
      '已将“区黄标办”从“区环保局”中拆分出来：交还任务分工 2 条、事项 3 个、要素 4 个。',
    );
    expect(doneText(unmerged({ assignments: 0, items: 1, features: 0 }), t)).toBe(
      '已将“区黄标办”从“区环保局”中拆分出来：交还任务分工 2 条、事项 3 个、要素 4 个。' +
        '合并后已被调整的任务分工 0 条、事项 1 个、要素 0 个保持现状。',
    );
  });
});
