// 重命名: a unit's name cell becomes a field. What is typed is checked as rename_unit checks it
// (validateUnitName against the other units of the district, naming the one that has the name);
// a refusal of the database shows in the same place until the name is changed. The form says
// before saving that the old name stays an alias.
import { useId, useState } from 'react';
import type { UnitEntry } from '../../domain/ledger/ledger-types';
import { cleanUnitName } from '../../domain/ledger/unit-name';
import { unitKey } from '../../domain/plan/units';
import { useI18n } from '../../i18n/i18n';
import { renameProblemText } from './unit-messages';
import { renameProblem } from './unit-rows';

interface Props {
  unit: UnitEntry;
  /** The units of `unit`'s district. */
  units: readonly UnitEntry[];
  busy: boolean;
  /** Why the database refused the last name saved, already in words. */
  error: string | null;
  onSave: (name: string) => void;
  onCancel: () => void;
}

export function RenameForm({ unit, units, busy, error, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const messageId = useId();
  const [draft, setDraft] = useState(unit.name);
  const [saved, setSaved] = useState<string | null>(null);
  const clean = cleanUnitName(draft);
  const problem = renameProblem(units, unit, draft);
  // A refusal is about the name that was saved: typing another one clears it.
  const refusal = error && saved === clean ? error : null;
  const message = problem
    ? renameProblemText(problem, t)
    : (refusal ??
      (unitKey(clean) !== unitKey(unit.name) ? t('units.rename.keepsAlias', { name: unit.name }) : null));

  const save = () => {
    if (problem || busy) return;
    if (clean === unit.name) {
      onCancel();
      return;
    }
    setSaved(clean);
    onSave(clean);
  };

  return (
    <form
      className="units-rename"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
      data-testid="unit-rename"
    >
      <div className="units-rename-field">
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={(e) => e.target.select()}
          // Opened on purpose by 重命名: the user types at once.
          autoFocus
          aria-label={t('units.rename.label', { name: unit.name })}
          aria-invalid={Boolean(problem || refusal)}
          aria-describedby={message ? messageId : undefined}
          disabled={busy}
          data-testid="unit-rename-input"
        />
        <button
          type="submit"
          className="primary"
          disabled={Boolean(problem) || busy}
          data-testid="unit-rename-save"
        >
          {busy ? t('units.rename.saving') : t('units.rename.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy} data-testid="unit-rename-cancel">
          {t('units.rename.cancel')}
        </button>
      </div>
      {message && (
        <p
          id={messageId}
          className={problem || refusal ? 'error' : 'muted'}
          aria-live="polite"
          data-testid="unit-rename-message"
        >
          {message}
        </p>
      )}
    </form>
  );
}
