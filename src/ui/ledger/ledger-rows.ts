// Pure helpers of the ledger view (台账): the filter state and what ledger_tasks takes from it,
// the unit and township choices, a task's units as printed, and the rows of the dispatch table.
import { chinaDate } from '../../domain/export/dates';
import type { DispatchRow } from '../../domain/export/dispatch-table';
import { ITEM_STATUSES } from '../../domain/ledger/item-status';
import type { LedgerProgress, LedgerTask, UnitEntry } from '../../domain/ledger/ledger-types';
import {
  UNIT_ROLES,
  type DistrictEntry,
  type TaskStatus,
  type TaskUnit,
  type UnitRole,
} from '../../domain/ledger/types';
import type { LedgerFilters } from '../../data/ledger/ledger';

/** 逾期 only and 7天内到期 only exclude each other (a task past its date is not due soon). */
export type DueFilter = 'any' | 'overdue' | 'soon';
export const DUE_SOON_DAYS = 7;

/** What the filter row holds; '' means "any". */
export interface FilterState {
  planId: string;
  unitId: string;
  unitRole: UnitRole | '';
  townshipCode: string;
  status: TaskStatus | '';
  due: DueFilter;
  q: string;
}

export const NO_FILTERS: FilterState = {
  planId: '',
  unitId: '',
  unitRole: '',
  townshipCode: '',
  status: '',
  due: 'any',
  q: '',
};

export function toLedgerFilters(s: FilterState): LedgerFilters {
  const q = s.q.trim();
  return {
    ...(s.planId && { plan_id: s.planId }),
    // A role alone says nothing: it narrows the chosen unit's assignments.
    ...(s.unitId && { unit_id: s.unitId, ...(s.unitRole && { unit_role: s.unitRole }) }),
    ...(s.townshipCode && { township_code: s.townshipCode }),
    ...(s.status && { statuses: [s.status] }),
    ...(s.due === 'overdue' && { overdue_only: true }),
    ...(s.due === 'soon' && { due_within_days: DUE_SOON_DAYS }),
    ...(q && { q }),
  };
}

/** Filters kept for the session (JSON), so that a trip to the map comes back to the same list. */
export function parseFilterState(raw: string | null): FilterState {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    return NO_FILTERS;
  }
  if (!value || typeof value !== 'object') return NO_FILTERS;
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  const oneOf = <T extends string>(x: unknown, allowed: readonly T[]): T | '' =>
    allowed.includes(x as T) ? (x as T) : '';
  return {
    planId: text(v.planId),
    unitId: text(v.unitId),
    unitRole: oneOf(v.unitRole, UNIT_ROLES),
    townshipCode: text(v.townshipCode),
    status: oneOf(v.status, ITEM_STATUSES),
    due: oneOf(v.due, ['overdue', 'soon'] as const) || 'any',
    q: text(v.q),
  };
}

export interface ChoiceGroup<T> {
  /** District name (or code when its name is unknown). */
  label: string;
  options: T[];
}

function grouped<T>(entries: [string, T][], byName: (a: T, b: T) => number): ChoiceGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const [label, option] of entries) groups.set(label, [...(groups.get(label) ?? []), option]);
  return [...groups].map(([label, options]) => ({ label, options: options.sort(byName) }));
}

const zh = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/** Units that hold an assignment the caller sees, by district: the ones the unit filter can find. */
export function unitChoices(
  units: UnitEntry[],
  districtNames: ReadonlyMap<string, string>,
): ChoiceGroup<UnitEntry>[] {
  const assigned = units.filter((u) => u.usage.lead + u.usage.cooperating + u.usage.responsible > 0);
  return grouped(
    assigned.map((u): [string, UnitEntry] => [
      districtNames.get(u.district_code ?? '') ?? u.district_code ?? '',
      u,
    ]),
    zh,
  );
}

export interface TownshipChoice {
  code: string;
  name: string;
}

/**
 * The townships to filter by, in `districtCode` (all when null): every township of the district
 * list; without it, the townships the unit registry knows (units of kind township).
 */
export function townshipChoices(
  districts: DistrictEntry[] | undefined,
  units: UnitEntry[] | undefined,
  districtCode: string | null,
  districtNames: ReadonlyMap<string, string>,
): ChoiceGroup<TownshipChoice>[] {
  if (districts) {
    return districts
      .filter((d) => !districtCode || d.code === districtCode)
      .map((d) => ({ label: d.name, options: [...d.townships] }))
      .filter((g) => g.options.length > 0);
  }
  const seen = new Set<string>();
  const entries: [string, TownshipChoice][] = [];
  for (const u of units ?? []) {
    if (u.kind !== 'township' || !u.township_code || seen.has(u.township_code)) continue;
    seen.add(u.township_code);
    const district = u.district_code ?? '';
    entries.push([districtNames.get(district) ?? district, { code: u.township_code, name: u.name }]);
  }
  return grouped(entries, zh);
}

export interface PrintedUnit {
  name: string;
  /** Sub-items the unit is named for, e.g. "(1)"; empty when it holds the whole task. */
  scopes: string[];
}

/** A task's units of one role as printed, each name once, with the sub-items it covers. */
export function printedUnits(units: TaskUnit[]): PrintedUnit[] {
  const byName = new Map<string, string[]>();
  for (const u of units) {
    const scopes = byName.get(u.name) ?? [];
    if (u.scope && !scopes.includes(u.scope)) scopes.push(u.scope);
    byName.set(u.name, scopes);
  }
  return [...byName].map(([name, scopes]) => ({ name, scopes }));
}

/** Units for a spreadsheet cell: 区环保局(1)(2), 各镇（街道）. */
export function unitCellTexts(units: TaskUnit[]): string[] {
  return printedUnits(units).map((u) => u.name + u.scopes.join(''));
}

/** Who wrote the progress note: the township or unit, then the person, without repeats. */
export function progressWho(p: LedgerProgress): string[] {
  const place = p.township_name ?? p.unit_name;
  return [place, p.actor_name].filter((x, i, all): x is string => !!x && all.indexOf(x) === i);
}

export interface RowLabels {
  status: (status: TaskStatus) => string;
  /** The note with who and when (China date), e.g. "已完成（古荥镇 张三 2026-11-20）". */
  progress: (note: string, meta: string) => string;
}

/** The dispatch table's rows, in the ledger's order. */
export function dispatchRows(tasks: LedgerTask[], labels: RowLabels): DispatchRow[] {
  return tasks.map((task) => {
    const p = task.progress;
    const meta = p ? [...progressWho(p), ...(p.at ? [chinaDate(new Date(p.at))] : [])].join(' ') : '';
    return {
      number: task.number,
      title: task.title,
      leadUnits: unitCellTexts(task.units.lead),
      responsibleUnits: unitCellTexts(task.units.responsible),
      deadline: task.due,
      progress: p ? (meta ? labels.progress(p.note, meta) : p.note) : null,
      statusLabel: labels.status(task.status),
      overdue: task.overdue,
    };
  });
}
