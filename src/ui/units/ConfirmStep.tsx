// The last step of a unit operation (合并, 拆分): what will happen once something is chosen, why
// the last attempt was refused, and confirm / cancel. Test ids follow `testId` (unit-merge, …).
import type { ReactNode } from 'react';

interface Props {
  testId: string;
  /** What confirming will do; null while nothing is chosen. */
  text: ReactNode | null;
  /** Shown while nothing is chosen. */
  placeholder: string;
  error: string | null;
  busy: boolean;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmStep(props: Props) {
  const { testId, text, placeholder, error, busy, onConfirm, onCancel } = props;
  return (
    <div className="units-merge-confirm">
      {text !== null ? (
        <p data-testid={`${testId}-confirm-text`}>{text}</p>
      ) : (
        <p className="muted">{placeholder}</p>
      )}
      {error && (
        <p className="error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      <div className="action-buttons">
        <button
          type="button"
          className="primary"
          disabled={text === null || busy}
          onClick={onConfirm}
          data-testid={`${testId}-confirm`}
        >
          {busy ? props.busyLabel : props.confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy} data-testid={`${testId}-cancel`}>
          {props.cancelLabel}
        </button>
      </div>
    </div>
  );
}
