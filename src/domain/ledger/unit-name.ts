// A unit's name as a planner types it when renaming a unit (重命名). The same rules stand in SQL as
// private.unit_name_problem (migration create_unit_rename_and_unmerge), which rename_unit applies;
// this copy tells the user while typing. Names compare under unitKey, as imports resolve them.
import type { Validation } from '../feature/feature-validation';
import { unitKey } from '../plan/units';

export const MAX_UNIT_NAME_LENGTH = 50;

export type UnitNameProblem = 'required' | 'too_long' | 'already_exists';

/**
 * The name as it is stored: without the spaces at either end (JavaScript's trim removes exactly
 * the characters of \s, which SQL removes with btrim(name, private.js_spaces())).
 */
export function cleanUnitName(name: string): string {
  return name.trim();
}

/**
 * Whether `name` may name a unit whose district's other units go by `taken` (their names and
 * aliases): not blank, at most MAX_UNIT_NAME_LENGTH characters, and no other unit's name or alias
 * under unitKey (full- and half-width forms and spaces do not make a name new).
 */
export function validateUnitName(name: string, taken: readonly string[] = []): Validation<UnitNameProblem> {
  const clean = cleanUnitName(name);
  if (clean.length === 0) return { ok: false, reason: 'required' };
  if ([...clean].length > MAX_UNIT_NAME_LENGTH) return { ok: false, reason: 'too_long' };
  const key = unitKey(clean);
  if (taken.some((other) => unitKey(other) === key)) return { ok: false, reason: 'already_exists' };
  return { ok: true };
}
