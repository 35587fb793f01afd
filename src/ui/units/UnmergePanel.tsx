// 拆分…: under a unit's row, the merges into it that still stand, newest first. The planner picks
// one, reads what undoing it will do, and confirms; a merge that cannot be undone says why
// instead. A refusal leaves the choice in place.
import { useState } from 'react';
import type { UnitEntry, UnitMerge } from '../../domain/ledger/ledger-types';
import { useI18n } from '../../i18n/i18n';
import { ConfirmStep } from './ConfirmStep';
import { formatTime } from '../format-time';

interface Props {
  /** The unit the merges kept. */
  unit: UnitEntry;
  busy: boolean;
  /** Why the last attempt was refused, already in words. */
  error: string | null;
  onUndo: (merge: UnitMerge) => void;
  onCancel: () => void;
}

export function UnmergePanel({ unit, busy, error, onUndo, onCancel }: Props) {
  const { t, locale } = useI18n();
  const [chosenId, setChosenId] = useState<number | null>(null);
  // Only a merge that can still be undone can be confirmed.
  const chosen = unit.merges.find((m) => m.id === chosenId && !m.blocked) ?? null;

  return (
    <div
      className="units-merge"
      data-testid="unit-unmerge"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
    >
      <div className="units-merge-pick">
        <span className="units-merge-title">{t('units.unmerge.title', { into: unit.name })}</span>
        <ul className="units-unmerge-list">
          {unit.merges.map((m) => (
            <li key={m.id} data-testid="unit-unmerge-item" data-merge-id={m.id}>
              <span className="units-unmerge-name">{m.name}</span>{' '}
              <small className="muted">
                {t('units.unmerge.mergedAt', { time: formatTime(m.merged_at, locale) })}
              </small>
              {m.blocked ? (
                <p className="muted units-unmerge-blocked" data-testid="unit-unmerge-blocked">
                  {t(`units.unmerge.blocked.${m.blocked}`, { name: m.name, into: unit.name })}
                </p>
              ) : (
                <button
                  type="button"
                  aria-pressed={chosen?.id === m.id}
                  disabled={busy}
                  onClick={() => setChosenId(m.id)}
                  data-testid="unit-unmerge-choose"
                >
                  {t('units.unmerge.choose')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
      <ConfirmStep
        testId="unit-unmerge"
        text={chosen && t('units.unmerge.confirmText', { name: chosen.name, into: unit.name })}
        placeholder={t('units.unmerge.pick')}
        error={error}
        busy={busy}
        confirmLabel={t('units.unmerge.confirm')}
        busyLabel={t('units.unmerge.working')}
        cancelLabel={t('units.unmerge.cancel')}
        onConfirm={() => chosen && onUndo(chosen)}
        onCancel={onCancel}
      />
    </div>
  );
}
