// Who the app acts as. Embedded: a switcher over the demo users (one planner, one command user,
// a viewer, one user per township), each with the claims the SQL reads. Supabase: the signed-in
// user and sign-out.
import { useAuth } from '../../data/auth/use-auth';
import { useSession } from '../../data/auth/session';
import type { DemoUser } from '../../data/backend';
import { useI18n, type Translate } from '../../i18n/i18n';

function groups(users: DemoUser[], t: Translate): [string, DemoUser[]][] {
  const out = new Map<string, DemoUser[]>();
  for (const u of users) {
    const label =
      u.role === 'township'
        ? t('user.group.district', { district: u.district_name ?? '' })
        : t(`user.role.${u.role}`);
    out.set(label, [...(out.get(label) ?? []), u]);
  }
  return [...out];
}

export function UserMenu() {
  const { t } = useI18n();
  const { membership, demoUsers, switchUser } = useSession();
  const { user, signOut } = useAuth();
  const role = membership ? t(`user.role.${membership.role}`) : t('user.noMembership');
  if (demoUsers && switchUser) {
    const current = demoUsers.find((u) => u.id === membership?.user_id)?.id ?? '';
    return (
      <label className="user-menu" title={t('user.switch')}>
        <span className="muted">{t('user.label')}</span>
        <select
          value={current}
          onChange={(e) => switchUser(e.target.value)}
          data-testid="user-switch"
          aria-label={t('user.switch')}
        >
          {current === '' && <option value="">…</option>}
          {groups(demoUsers, t).map(([label, users]) => (
            <optgroup key={label} label={label}>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.display_name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    );
  }
  if (!user) return null;
  return (
    <div className="user-menu" data-testid="user-menu">
      <span>
        {membership?.display_name ?? user.email} <span className="muted">{role}</span>
      </span>
      <button type="button" onClick={() => void signOut()}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
