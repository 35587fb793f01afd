// The end of every edit form: what is wrong, the record as it now stands after someone else's
// change (overwrite knowingly, or drop the edit), and save / cancel.
import { useI18n } from '../../i18n/i18n';

interface Props {
  /** Why the form or the database refused, if it did. */
  errorText: string | null;
  /** Set when the record changed since the form opened. */
  conflictText: string | null;
  busy: boolean;
  canSave: boolean;
  saveTestId: string;
  onSave: () => void;
  onOverwrite: () => void;
  /** Closes the form: `refresh` to show the record as it now stands. */
  onDone: (refresh: boolean) => void;
}

export function EditFooter({
  errorText,
  conflictText,
  busy,
  canSave,
  saveTestId,
  onSave,
  onOverwrite,
  onDone,
}: Props) {
  const { t } = useI18n();
  return (
    <>
      {errorText && (
        <p className="error" role="alert" data-testid="edit-error">
          {errorText}
        </p>
      )}
      {conflictText && (
        <div className="conflict" data-testid="edit-conflict">
          <p>{conflictText}</p>
          <div className="action-buttons">
            <button type="button" onClick={onOverwrite} disabled={busy} data-testid="edit-overwrite">
              {t('edit.overwrite')}
            </button>
            <button type="button" onClick={() => onDone(true)}>
              {t('edit.discardMine')}
            </button>
          </div>
        </div>
      )}
      <div className="action-buttons">
        <button
          type="button"
          className="primary"
          disabled={!canSave || busy || conflictText !== null}
          onClick={onSave}
          data-testid={saveTestId}
        >
          {busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" onClick={() => onDone(false)} data-testid="edit-cancel">
          {t('edit.cancel')}
        </button>
      </div>
    </>
  );
}
