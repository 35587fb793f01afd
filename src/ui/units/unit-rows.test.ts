import { describe, expect, it } from 'vitest';
import type { UnitEntry } from '../../domain/ledger/ledger-types';
import {
  compareUnits,
  districtPeers,
  filterUnits,
  matchesQuery,
  mergeCandidates,
  mergeCounts,
  renameProblem,
} from './unit-rows';

function unit(over: Partial<UnitEntry> = {}): UnitEntry {
  return {
    id: 'u1',
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

const units = [
  unit({ id: 'u1', name: '区环保局', aliases: ['区环境保护局'] }),
  unit({ id: 'u2', name: '各镇（街道）', kind: 'group', covers: 'all_townships' }),
  unit({ id: 'u3', name: '区城管执法局' }),
  unit({ id: 'u4', name: '古荥镇', kind: 'township', township_code: '410108105' }),
  unit({ id: 'u5', name: '郑州 ABC 有限公司', kind: 'enterprise' }),
  unit({ id: 'u6', name: '区环保局', district_code: '410185' }),
  unit({ id: 'u7', name: '无区县单位', district_code: null }),
];

describe('matchesQuery', () => {
  it('finds a name or an alias, whatever the width, spacing or letter case', () => {
    expect(matchesQuery(units[0]!, '环境保护')).toBe(true);
    expect(matchesQuery(units[1]!, '各镇(街道)')).toBe(true);
    expect(matchesQuery(units[4]!, 'ｚ')).toBe(false);
    expect(matchesQuery(units[4]!, 'abc有限')).toBe(true);
    expect(matchesQuery(units[2]!, '环保')).toBe(false);
  });

  it('keeps everything for an empty or blank query', () => {
    expect(matchesQuery(units[0]!, '')).toBe(true);
    expect(matchesQuery(units[0]!, ' \u3000')).toBe(true);
  });
});

describe('filterUnits', () => {
  it('filters by kind and text and sorts by kind, then name', () => {
    expect(filterUnits(units, { q: '', kind: 'department' }).map((u) => u.id)).toEqual([
      'u3',
      'u1',
      'u6',
      'u7',
    ]);
    expect(filterUnits(units, { q: '环保', kind: '' }).map((u) => u.id)).toEqual(['u1', 'u6']);
    expect(filterUnits(units, { q: '', kind: '' }).map((u) => u.kind)).toEqual([
      'department',
      'department',
      'department',
      'department',
      'township',
      'group',
      'enterprise',
    ]);
  });

  it('does not reorder the list it is given', () => {
    const copy = [...units];
    filterUnits(copy, { q: '', kind: '' });
    expect(copy).toEqual(units);
  });
});

describe('compareUnits', () => {
  it('puts departments before townships and groups', () => {
    expect(compareUnits(units[0]!, units[3]!)).toBeLessThan(0);
    expect(compareUnits(units[1]!, units[3]!)).toBeGreaterThan(0);
  });
});

describe('mergeCandidates', () => {
  it('offers the other units of the same district only', () => {
    expect(mergeCandidates(units, units[2]!, '').map((u) => u.id)).toEqual(['u1', 'u4', 'u2', 'u5']);
    expect(mergeCandidates(units, units[2]!, '环境').map((u) => u.id)).toEqual(['u1']);
  });

  it('offers nothing for a unit without a district', () => {
    expect(mergeCandidates(units, units[6]!, '')).toEqual([]);
  });
});

describe('mergeCounts', () => {
  it('adds up the three roles', () => {
    const from = unit({ usage: { lead: 2, cooperating: 1, responsible: 4, items: 5, features: 3 } });
    expect(mergeCounts(from)).toEqual({ assignments: 7, items: 5, features: 3 });
  });
});

describe('districtPeers', () => {
  it('lists the other units of the same district, or of none', () => {
    expect(districtPeers(units, units[0]!).map((u) => u.id)).toEqual(['u2', 'u3', 'u4', 'u5']);
    expect(districtPeers(units, units[6]!)).toEqual([]);
  });
});

describe('renameProblem', () => {
  it('takes a new name, and the unit’s own name or alias in another spelling', () => {
    expect(renameProblem(units, units[2]!, '区综合执法局')).toBeNull();
    expect(renameProblem(units, units[0]!, '区 环境保护局')).toBeNull();
    expect(renameProblem(units, units[0]!, ' 区环保局 ')).toBeNull();
  });

  it('names the unit of the same district that goes by the name or alias', () => {
    expect(renameProblem(units, units[2]!, '区环境保护局')).toEqual({
      reason: 'already_exists',
      holder: units[0],
    });
    expect(renameProblem(units, units[2]!, '各镇(街道)')).toEqual({
      reason: 'already_exists',
      holder: units[1],
    });
    // 区环保局 of 登封市 does not count for 惠济区's units.
    expect(renameProblem([units[2]!, units[5]!], units[2]!, '区环保局')).toBeNull();
  });

  it('says when the name is blank or too long, before looking for its holder', () => {
    expect(renameProblem(units, units[2]!, '\u3000')).toEqual({ reason: 'required', holder: null });
    expect(renameProblem(units, units[2]!, '局'.repeat(51))).toEqual({ reason: 'too_long', holder: null });
  });
});
