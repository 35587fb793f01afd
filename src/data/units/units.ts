// The unit registry (单位管理): the units of a district with their aliases, merges and usage;
// merging two units into one, taking a merge back, and renaming a unit. Every write is the
// planner's; the database refuses everyone else.
import type {
  CannotUnmerge,
  MergeUnitsResult,
  UnitEntry,
  UnitNameTaken,
  UnmergeUnitResult,
} from '../../domain/ledger/ledger-types';
import type { UnitNameProblem } from '../../domain/ledger/unit-name';
import type { Backend, BackendError } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

export function listUnits(backend: Backend, districtCode: string | null = null): Promise<UnitEntry[]> {
  return backend.call('units_list', { district_code: districtCode });
}

/** `revision` changes after a write (an import, a merge), so that the list is asked again. */
export function useUnits(districtCode: string | null, revision: number) {
  const backend = useBackend();
  return useQuery(`units#${districtCode ?? '*'}#${revision}`, () => listUnits(backend, districtCode));
}

/** Merges `fromUnitId` into `intoUnitId`; later imports resolve the old name to the kept unit. */
export function mergeUnits(
  backend: Backend,
  fromUnitId: string,
  intoUnitId: string,
): Promise<MergeUnitsResult> {
  return backend.call('merge_units', { from_unit_id: fromUnitId, into_unit_id: intoUnitId });
}

/**
 * Takes back a merge (one of a unit's `merges`): the merged unit comes back with what came from
 * it. Refused with cannot_unmerge (detail: cannotUnmergeOf) when that cannot be done exactly.
 */
export function undoMerge(backend: Backend, mergeId: number, clientId: string): Promise<UnmergeUnitResult> {
  return backend.call('unmerge_unit', { merge_id: mergeId, client_id: clientId });
}

/**
 * Gives a unit a new name, based on the version the user saw; the old name stays an alias.
 * Refused with invalid_unit_name or already_exists (renameRefusalOf), or stale_version.
 */
export function renameUnit(
  backend: Backend,
  unit: Pick<UnitEntry, 'id' | 'version'>,
  newName: string,
  clientId: string,
): Promise<UnitEntry> {
  return backend.call('rename_unit', {
    unit_id: unit.id,
    new_name: newName,
    base_version: unit.version,
    client_id: clientId,
  });
}

export interface RenameRefusal {
  reason: UnitNameProblem;
  /** For already_exists: the unit that goes by the name, when the database named it. */
  holder: { id: string; name: string } | null;
}

/** Why the database refused a new name, or null when the refusal was about something else. */
export function renameRefusalOf(error: BackendError): RenameRefusal | null {
  if (error.code === 'invalid_unit_name') return { reason: error.detail as UnitNameProblem, holder: null };
  if (error.code !== 'already_exists') return null;
  const detail = error.detail as Partial<UnitNameTaken> | string | null;
  return { reason: 'already_exists', holder: (typeof detail === 'object' && detail?.unit) || null };
}

/** Why a merge cannot be taken back, or null when the refusal was about something else. */
export function cannotUnmergeOf(error: BackendError): CannotUnmerge | null {
  return error.code === 'cannot_unmerge' ? (error.detail as CannotUnmerge) : null;
}
