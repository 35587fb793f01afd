// The words of the unit registry page (单位管理): what a write did, and why one was refused, from
// the answer or the refusal of the database (or the check made while typing a new name).
import type { MergeUnitsResult, UnitEntry, UnmergeUnitResult } from '../../domain/ledger/ledger-types';
import { MAX_UNIT_NAME_LENGTH } from '../../domain/ledger/unit-name';
import type { BackendError } from '../../data/backend';
import { cannotUnmergeOf, renameRefusalOf } from '../../data/units/units';
import type { Translate } from '../../i18n/i18n';
import type { RenameProblem } from './unit-rows';

export function errorText(error: BackendError, t: Translate): string {
  return t(`error.${error.code}`, { message: error.message });
}

/** What the last write did, for the notice above the table. */
export type Done =
  | { kind: 'merged'; result: MergeUnitsResult }
  | { kind: 'renamed'; from: string; unit: UnitEntry }
  | { kind: 'unmerged'; result: UnmergeUnitResult };

export function doneText(done: Done, t: Translate): string {
  switch (done.kind) {
    case 'merged': {
      const { result } = done;
      const undoable = result.unit.merges.some((m) => m.id === result.merge_id && !m.blocked);
      return (
        t('units.merge.done', { from: result.merged.name, into: result.unit.name, ...result.moved }) +
        (undoable ? t('units.merge.undoHint') : '')
      );
    }
    case 'renamed':
      return t(done.unit.aliases.includes(done.from) ? 'units.rename.doneAlias' : 'units.rename.done', {
        from: done.from,
        to: done.unit.name,
      });
    case 'unmerged': {
      const { result } = done;
      const { left } = result;
      return (
        t('units.unmerge.done', { name: result.restored.name, into: result.unit.name, ...result.returned }) +
        (left.assignments + left.items + left.features > 0 ? t('units.unmerge.left', { ...left }) : '')
      );
    }
  }
}

/** Why a rename was refused, in words. */
export function renameErrorText(error: BackendError, t: Translate): string {
  const refusal = renameRefusalOf(error);
  if (refusal) return renameProblemText(refusal, t);
  if (error.code === 'stale_version') {
    return t('units.rename.stale', { name: (error.detail as UnitEntry).name });
  }
  return t('units.rename.failed', { reason: errorText(error, t) });
}

/** Why undoing a merge was refused, in words. */
export function unmergeErrorText(error: BackendError, kept: UnitEntry, t: Translate): string {
  const cannot = cannotUnmergeOf(error);
  const reason = cannot
    ? t(`units.unmerge.blocked.${cannot.reason}`, { name: cannot.name, into: cannot.into ?? kept.name })
    : errorText(error, t);
  return t('units.unmerge.failed', { reason });
}

/** Why a name will not do, naming the unit that has it where known. */
export function renameProblemText(problem: RenameProblem, t: Translate): string {
  switch (problem.reason) {
    case 'required':
      return t('units.rename.required');
    case 'too_long':
      return t('units.rename.too_long', { max: MAX_UNIT_NAME_LENGTH });
    case 'already_exists':
      return problem.holder
        ? t('units.rename.takenBy', { holder: problem.holder.name })
        : t('units.rename.already_exists');
  }
}
