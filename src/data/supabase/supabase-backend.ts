// The Supabase adapter: the same SQL functions through PostgREST (`.rpc()`), as the signed-in
// user of Supabase Auth.
import { createClient } from '@supabase/supabase-js';
import { toBackendError, type Backend, type BackendAuth } from '../backend';
import type { RpcArgs, RpcName, RpcResult } from '../rpc';

export function createSupabaseBackend(
  url: string,
  anonKey: string,
  options: { fetch?: typeof fetch } = {},
): Backend {
  const client = createClient(url, anonKey, {
    ...(options.fetch ? { global: { fetch: options.fetch } } : {}),
    auth: { persistSession: typeof localStorage !== 'undefined' },
  });
  const auth: BackendAuth = {
    async currentUser() {
      const { data } = await client.auth.getSession();
      const user = data.session?.user;
      return user ? { id: user.id, email: user.email ?? null } : null;
    },
    async signIn(email, password) {
      const { error } = await client.auth.signInWithPassword({ email, password });
      if (error) throw toBackendError(error);
    },
    async signOut() {
      await client.auth.signOut();
    },
  };
  return {
    mode: 'supabase',
    auth,
    ready: async () => undefined,
    onProgress: () => () => undefined,
    async call<N extends RpcName>(name: N, args: RpcArgs<N>): Promise<RpcResult<N>> {
      const { data, error } = await client.rpc(name, args as Record<string, unknown>);
      if (error) throw toBackendError(error);
      return data as RpcResult<N>;
    },
  };
}
