import { describe, expect, it } from 'vitest';
import type { LedgerTask, UnitEntry } from '../../domain/ledger/ledger-types';
import {
  dispatchRows,
  NO_FILTERS,
  parseFilterState,
  printedUnits,
  progressWho,
  toLedgerFilters,
  townshipChoices,
  unitCellTexts,
  unitChoices,
} from './ledger-rows';

function task(over: Partial<LedgerTask> = {}): LedgerTask {
  return {
    id: 'task-1',
    number: '3',
    title: '渣土车辆管控',
    section: null,
    deadlines: ['2026-11-20'],
    deadline: '2026-11-20',
    status: 'in_progress',
    version: 1,
    items: { total: 0, overdue: 0, counts: {} },
    plan: { id: 'plan-1', title: '方案', doc_number: null, year: 2026, region: null },
    units: {
      lead: [
        { id: 'u1', name: '区环保局', scope: '(1)' },
        { id: 'u1', name: '区环保局', scope: '(2)' },
        { id: 'u2', name: '区城管局' },
      ],
      cooperating: [],
      responsible: [{ id: 'u3', name: '各镇（街道）' }],
    },
    feature_count: 2,
    due: '2026-11-20',
    overdue: true,
    due_soon: false,
    progress: null,
    ...over,
  };
}

function unit(over: Partial<UnitEntry>): UnitEntry {
  return {
    id: 'u',
    name: '单位',
    kind: 'department',
    covers: null,
    district_code: '410108',
    township_code: null,
    version: 1,
    aliases: [],
    merges: [],
    usage: { lead: 1, cooperating: 0, responsible: 0, items: 0, features: 0 },
    ...over,
  };
}

describe('toLedgerFilters', () => {
  it('sends nothing for no filters', () => {
    expect(toLedgerFilters(NO_FILTERS)).toEqual({});
  });

  it('sends each chosen filter, the role only with a unit, and trims the text', () => {
    expect(
      toLedgerFilters({
        planId: 'p',
        unitId: 'u',
        unitRole: 'lead',
        townshipCode: '410108105',
        status: 'done',
        due: 'soon',
        q: '  岗李 ',
      }),
    ).toEqual({
      plan_id: 'p',
      unit_id: 'u',
      unit_role: 'lead',
      township_code: '410108105',
      statuses: ['done'],
      due_within_days: 7,
      q: '岗李',
    });
    expect(toLedgerFilters({ ...NO_FILTERS, unitRole: 'lead', due: 'overdue', q: '  ' })).toEqual({
      overdue_only: true,
    });
  });
});

describe('parseFilterState', () => {
  it('round-trips a state', () => {
    const state = { ...NO_FILTERS, planId: 'p', unitRole: 'cooperating' as const, due: 'overdue' as const };
    expect(parseFilterState(JSON.stringify(state))).toEqual(state);
  });

  it('drops what is not a filter value', () => {
    expect(parseFilterState('{"status":"lost","due":"later","unitRole":1,"q":["x"],"planId":"p"}')).toEqual({
      ...NO_FILTERS,
      planId: 'p',
    });
    expect(parseFilterState('not json')).toEqual(NO_FILTERS);
    expect(parseFilterState(null)).toEqual(NO_FILTERS);
    expect(parseFilterState('42')).toEqual(NO_FILTERS);
  });
});

describe('units as printed', () => {
  it('lists each name once with the sub-items it covers', () => {
    expect(printedUnits(task().units.lead)).toEqual([
      { name: '区环保局', scopes: ['(1)', '(2)'] },
      { name: '区城管局', scopes: [] },
    ]);
    expect(unitCellTexts(task().units.lead)).toEqual(['区环保局(1)(2)', '区城管局']);
  });
});

describe('progressWho', () => {
  it('names the township or unit, then the person, once each', () => {
    const p = { note: 'n', at: null, actor_name: '张三', township_name: '古荥镇', unit_name: '区环保局' };
    expect(progressWho(p)).toEqual(['古荥镇', '张三']);
    expect(progressWho({ ...p, township_name: null })).toEqual(['区环保局', '张三']);
    expect(progressWho({ ...p, actor_name: '古荥镇' })).toEqual(['古荥镇']);
    expect(progressWho({ ...p, actor_name: null, township_name: null, unit_name: null })).toEqual([]);
  });
});

describe('dispatchRows', () => {
  const labels = {
    status: (s: string) => `[${s}]`,
    progress: (note: string, meta: string) => `${note}（${meta}）`,
  };

  it('turns tasks into dispatch rows with the earliest due date and the overdue flag', () => {
    expect(dispatchRows([task()], labels)).toEqual([
      {
        number: '3',
        title: '渣土车辆管控',
        leadUnits: ['区环保局(1)(2)', '区城管局'],
        responsibleUnits: ['各镇（街道）'],
        deadline: '2026-11-20',
        progress: null,
        statusLabel: '[in_progress]',
        overdue: true,
      },
    ]);
  });

  it('writes the progress note with who wrote it and the China date', () => {
    const progress = {
      note: '已覆盖',
      // 17:30 UTC is already the next day in China.
      at: '2026-11-19T17:30:00Z',
      actor_name: '张三',
      township_name: '古荥镇',
      unit_name: null,
    };
    expect(dispatchRows([task({ progress })], labels)[0]!.progress).toBe('已覆盖（古荥镇 张三 2026-11-20）');
    const bare = { ...progress, at: null, actor_name: null, township_name: null };
    expect(dispatchRows([task({ progress: bare })], labels)[0]!.progress).toBe('已覆盖');
  });

  it('keeps a task without deadline or units', () => {
    const row = dispatchRows(
      [task({ due: null, overdue: false, units: { lead: [], cooperating: [], responsible: [] } })],
      labels,
    )[0]!;
    expect(row).toMatchObject({ deadline: null, overdue: false, leadUnits: [], responsibleUnits: [] });
  });
});

describe('filter choices', () => {
  it('offers units with an assignment, by district name, sorted', () => {
    const names = new Map([['410108', '惠济区']]);
    const groups = unitChoices(
      [
        unit({ id: 'b', name: '区环保局' }),
        unit({ id: 'a', name: '区城管局' }),
        unit({
          id: 'z',
          name: '无任务',
          usage: { lead: 0, cooperating: 0, responsible: 0, items: 3, features: 1 },
        }),
        unit({ id: 'c', name: '区环保局', district_code: '410185' }),
      ],
      names,
    );
    expect(groups.map((g) => [g.label, g.options.map((u) => u.id)])).toEqual([
      ['惠济区', ['a', 'b']],
      ['410185', ['c']],
    ]);
  });

  it('takes townships from the district list, in the caller’s district', () => {
    const districts = [
      { code: '410108', name: '惠济区', townships: [{ code: '410108105', name: '古荥镇' }] },
      { code: '410185', name: '登封市', townships: [{ code: '410185100', name: '嵩阳街道' }] },
    ];
    expect(townshipChoices(districts, [], null, new Map()).map((g) => g.label)).toEqual(['惠济区', '登封市']);
    expect(townshipChoices(districts, [], '410185', new Map())).toEqual([
      { label: '登封市', options: [{ code: '410185100', name: '嵩阳街道' }] },
    ]);
  });

  it('falls back to the township units of the registry without a district list', () => {
    const units = [
      unit({ id: 't1', name: '古荥镇人民政府', kind: 'township', township_code: '410108105' }),
      unit({ id: 't2', name: '古荥镇', kind: 'township', township_code: '410108105' }),
      unit({ id: 'g', name: '各镇（街道）', kind: 'group' }),
      unit({ id: 't3', name: '某镇', kind: 'township', township_code: null }),
    ];
    expect(townshipChoices(undefined, units, null, new Map([['410108', '惠济区']]))).toEqual([
      { label: '惠济区', options: [{ code: '410108105', name: '古荥镇人民政府' }] },
    ]);
  });
});
