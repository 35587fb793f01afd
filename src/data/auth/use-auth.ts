// Who is signed in, where the backend has accounts (Supabase Auth); the embedded database
// has none yet and needs no sign-in.
import { useCallback, useEffect, useState } from 'react';
import type { BackendUser } from '../backend';
import { useBackend } from '../backend-context';

export function useAuth() {
  const backend = useBackend();
  const auth = backend.auth ?? null;
  const [user, setUser] = useState<BackendUser | null | undefined>(auth ? undefined : null);
  useEffect(() => {
    if (auth) void auth.currentUser().then(setUser, () => setUser(null));
  }, [auth]);
  const signIn = useCallback(
    async (email: string, password: string) => {
      await auth!.signIn(email, password);
      // Every query was refused before; start over as the signed-in user.
      location.reload();
    },
    [auth],
  );
  const signOut = useCallback(async () => {
    await auth?.signOut();
    location.reload();
  }, [auth]);
  return { required: auth !== null, user, signIn, signOut, mode: backend.mode };
}
