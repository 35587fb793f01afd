// What the database is doing while it starts; on failure, the error with retry and reset.
import type { BackendStatus } from '../../data/use-backend-status';
import { useI18n } from '../../i18n/i18n';

interface Props {
  status: BackendStatus;
  onRetry: () => void;
  onReset: (() => Promise<void>) | null;
}

export function StartupStatus({ status, onRetry, onReset }: Props) {
  const { t } = useI18n();
  if (status.state === 'ready') return null;
  if (status.state === 'error') {
    return (
      <div className="startup startup-error" role="alert" data-testid="startup-error">
        <strong>{t('startup.failed')}</strong>
        <p>{t(`error.${status.error.code}`, { message: status.error.message })}</p>
        <div className="startup-actions">
          <button type="button" onClick={onRetry}>
            {t('startup.retry')}
          </button>
          {onReset && (
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t('startup.resetConfirm'))) void onReset();
              }}
            >
              {t('startup.reset')}
            </button>
          )}
        </div>
      </div>
    );
  }
  const { step, fraction } = status.progress;
  const percent = Math.round((fraction ?? 0) * 100);
  return (
    <div className="startup" role="status" aria-live="polite" data-testid="startup-progress">
      <span className="spinner" aria-hidden="true" />
      <span>{step === 'download' ? t('startup.download', { percent }) : t(`startup.${step}`)}</span>
      {step === 'download' && <progress max={100} value={percent} />}
    </div>
  );
}
