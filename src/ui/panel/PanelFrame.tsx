// The frame both side panels share: title, actions with a close button, an error line, and the
// message when the permalink's id names nothing.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

interface Props {
  testId: string;
  dataAttrs: Record<string, string>;
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  errorText: string | null;
  notFoundText: string | null;
  onClose: () => void;
  children: ReactNode;
}

export function PanelFrame({
  testId,
  dataAttrs,
  title,
  subtitle,
  actions,
  errorText,
  notFoundText,
  onClose,
  children,
}: Props) {
  const { t } = useI18n();
  return (
    <aside className="panel" data-testid={testId} {...dataAttrs} aria-live="polite">
      <header className="panel-header">
        <div>
          {title}
          {subtitle}
        </div>
        <div className="panel-actions">
          {actions}
          <button type="button" onClick={onClose} aria-label={t('panel.close')} data-testid="panel-close">
            ×
          </button>
        </div>
      </header>
      {errorText && (
        <p className="error" role="alert">
          {errorText}
        </p>
      )}
      {notFoundText && (
        <p className="not-found" role="alert" data-testid="not-found">
          {notFoundText}
        </p>
      )}
      {children}
    </aside>
  );
}
