// 合并到…: under a unit's row, the planner picks the unit of the same district to keep, reads
// exactly what the merge will do, and confirms. A refusal leaves the choice in place to retry.
import { useId, useState } from 'react';
import type { UnitEntry } from '../../domain/ledger/ledger-types';
import { useI18n } from '../../i18n/i18n';
import { ConfirmStep } from './ConfirmStep';
import { mergeCandidates, mergeCounts } from './unit-rows';

interface Props {
  from: UnitEntry;
  /** The units of `from`'s district. */
  units: readonly UnitEntry[];
  busy: boolean;
  /** Why the last attempt was refused, already in words. */
  error: string | null;
  onMerge: (into: UnitEntry) => void;
  onCancel: () => void;
}

export function MergeChooser({ from, units, busy, error, onMerge, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [intoId, setIntoId] = useState('');
  const candidates = mergeCandidates(units, from, q);
  // Only what the list shows can be confirmed: a choice the search hides is no choice.
  const into = candidates.find((u) => u.id === intoId) ?? null;
  const label = (u: UnitEntry) => {
    const kind = t(`units.kind.${u.kind}`);
    return u.aliases.length > 0
      ? t('units.merge.optionAliases', { name: u.name, kind, aliases: u.aliases.join('、') })
      : t('units.merge.option', { name: u.name, kind });
  };

  return (
    <div
      className="units-merge"
      data-testid="unit-merge-chooser"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
    >
      <div className="units-merge-pick">
        <label htmlFor={`${id}-q`}>{t('units.merge.into', { from: from.name })}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          placeholder={t('units.merge.placeholder')}
          aria-label={t('units.merge.search')}
          onChange={(e) => setQ(e.target.value)}
          autoFocus
          data-testid="unit-merge-q"
        />
        {candidates.length > 0 ? (
          <select
            size={Math.min(6, Math.max(2, candidates.length))}
            value={into?.id ?? ''}
            aria-label={t('units.merge.choose')}
            onChange={(e) => setIntoId(e.target.value)}
            data-testid="unit-merge-into"
          >
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {label(u)}
              </option>
            ))}
          </select>
        ) : (
          <p className="muted">{t('units.merge.noCandidates')}</p>
        )}
      </div>
      <ConfirmStep
        testId="unit-merge"
        text={
          into && (
            <>
              {t('units.merge.confirmText', { from: from.name, into: into.name, ...mergeCounts(from) })}
              {from.aliases.length > 0 &&
                t('units.merge.confirmAliases', {
                  from: from.name,
                  into: into.name,
                  aliases: from.aliases.join('、'),
                })}
            </>
          )
        }
        placeholder={t('units.merge.choose')}
        error={error}
        busy={busy}
        confirmLabel={t('units.merge.confirm')}
        busyLabel={t('units.merge.merging')}
        cancelLabel={t('units.merge.cancel')}
        onConfirm={() => into && onMerge(into)}
        onCancel={onCancel}
      />
    </div>
  );
}
