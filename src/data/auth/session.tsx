// Who the app acts as: the membership of the signed-in (or, embedded, the chosen demo) user.
// Every query is scoped to the user, so switching users asks everything again under the new
// user's policies, while the map and the database stay as they are.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Membership } from '../../domain/ledger/types';
import type { DemoUser } from '../backend';
import { useBackend } from '../backend-context';

interface SessionValue {
  /** undefined while asking; null for a user without a membership. */
  membership: Membership | null | undefined;
  /** The embedded database's demo users; null on Supabase. */
  demoUsers: DemoUser[] | null;
  switchUser: ((id: string) => void) | null;
}

const ScopeContext = createContext('');
const SessionContext = createContext<SessionValue>({ membership: null, demoUsers: null, switchUser: null });

/** The current user's scope, part of every query key (src/data/use-query.ts). */
export function useQueryScope(): string {
  return useContext(ScopeContext);
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

export function SessionProvider({ ready, children }: { ready: boolean; children: ReactNode }) {
  const backend = useBackend();
  const demo = backend.demoUsers ?? null;
  const [scope, setScope] = useState(() => demo?.current() ?? '');
  const [answer, setAnswer] = useState<{ scope: string; membership: Membership | null } | null>(null);
  const [demoUsers, setDemoUsers] = useState<DemoUser[] | null>(null);

  useEffect(() => {
    if (!ready) return;
    let current = true;
    backend.call('whoami', {}).then(
      (membership) => current && setAnswer({ scope, membership }),
      () => current && setAnswer({ scope, membership: null }),
    );
    return () => {
      current = false;
    };
  }, [backend, ready, scope]);

  useEffect(() => {
    if (!ready || !demo) return;
    demo.list().then(setDemoUsers, () => setDemoUsers(null));
  }, [demo, ready]);

  const switchUser = useCallback(
    (id: string) => {
      demo?.switchTo(id);
      setScope(id);
    },
    [demo],
  );
  const value = useMemo<SessionValue>(
    () => ({
      membership: answer && answer.scope === scope ? answer.membership : undefined,
      demoUsers,
      switchUser: demo ? switchUser : null,
    }),
    [answer, scope, demoUsers, demo, switchUser],
  );
  return (
    <ScopeContext.Provider value={scope}>
      <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
    </ScopeContext.Provider>
  );
}
