// Pure helpers of the unit registry page (单位管理): which units the filters keep and in what
// order, which units another may be merged into, what a merge would move, and why a new name
// would be refused.
import type { RegistryUnitKind, UnitEntry } from '../../domain/ledger/ledger-types';
import { validateUnitName, type UnitNameProblem } from '../../domain/ledger/unit-name';
import { unitKey } from '../../domain/plan/units';

/** The kinds in the order the page lists them. */
export const UNIT_KINDS: readonly RegistryUnitKind[] = [
  'department',
  'township',
  'group',
  'village',
  'enterprise',
  'other',
];

export interface UnitFilter {
  /** Part of a name or alias; full-/half-width forms, spaces and letter case do not matter. */
  q: string;
  kind: RegistryUnitKind | '';
}

const searchKey = (text: string) => unitKey(text).toLowerCase();

/** Whether the unit's name or one of its aliases contains `q`. */
export function matchesQuery(unit: UnitEntry, q: string): boolean {
  const needle = searchKey(q);
  return !needle || [unit.name, ...unit.aliases].some((n) => searchKey(n).includes(needle));
}

/** By kind (UNIT_KINDS), then by name as Chinese readers sort it. */
export function compareUnits(a: UnitEntry, b: UnitEntry): number {
  return UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN');
}

/** The units the filter keeps, sorted. */
export function filterUnits(units: readonly UnitEntry[], filter: UnitFilter): UnitEntry[] {
  return units
    .filter((u) => (!filter.kind || u.kind === filter.kind) && matchesQuery(u, filter.q))
    .sort(compareUnits);
}

/** The other units of `unit`'s district. */
export function districtPeers(units: readonly UnitEntry[], unit: UnitEntry): UnitEntry[] {
  return units.filter((u) => u.id !== unit.id && u.district_code === unit.district_code);
}

/**
 * The units `from` may be merged into: the other units of its district (merge_units refuses the
 * rest), matching `q`, sorted. None for a unit without a district.
 */
export function mergeCandidates(units: readonly UnitEntry[], from: UnitEntry, q: string): UnitEntry[] {
  if (!from.district_code) return [];
  return districtPeers(units, from)
    .filter((u) => matchesQuery(u, q))
    .sort(compareUnits);
}

export interface RenameProblem {
  reason: UnitNameProblem;
  /** For already_exists: the unit that goes by the name. */
  holder: { name: string } | null;
}

/**
 * Why `draft` may not become `unit`'s name, or null when it may: validateUnitName against the
 * names and aliases of the other units of its district (as rename_unit checks), naming the unit
 * that goes by the name.
 */
export function renameProblem(
  units: readonly UnitEntry[],
  unit: UnitEntry,
  draft: string,
): RenameProblem | null {
  const alone = validateUnitName(draft);
  if (!alone.ok) return { reason: alone.reason, holder: null };
  const holder = districtPeers(units, unit).find((u) => !validateUnitName(draft, [u.name, ...u.aliases]).ok);
  return holder ? { reason: 'already_exists', holder } : null;
}

export interface MergeCounts {
  /** 牵头, 配合 and 责任 together. */
  assignments: number;
  items: number;
  features: number;
}

/** What merging `from` into another unit hands over, as far as the caller sees. */
export function mergeCounts(from: UnitEntry): MergeCounts {
  const { lead, cooperating, responsible, items, features } = from.usage;
  return { assignments: lead + cooperating + responsible, items, features };
}
