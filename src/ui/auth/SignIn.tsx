// Sign-in for the Supabase backend (email + password through Supabase Auth).
import { useState } from 'react';
import { useAuth } from '../../data/auth/use-auth';
import { toBackendError } from '../../data/backend';
import { useI18n } from '../../i18n/i18n';

export function SignIn() {
  const { t } = useI18n();
  const { required, user, signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!required || user !== null) return null;
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          signIn(email.trim(), password).catch((err: unknown) => {
            const be = toBackendError(err);
            setError(t(`error.${be.code}`, { message: be.message }));
            setBusy(false);
          });
        }}
      >
        <h2>{t('auth.title')}</h2>
        <p className="muted">{t('auth.mode.supabase')}</p>
        <label>
          {t('auth.email')}
          <input
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('auth.signIn')}
        </button>
      </form>
    </div>
  );
}
