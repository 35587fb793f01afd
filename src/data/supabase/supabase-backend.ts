// The Supabase adapter: the same SQL functions through PostgREST (`.rpc()`), and evidence files
// in Supabase Storage (bucket `evidence`), as the signed-in user of Supabase Auth.
import { createClient } from '@supabase/supabase-js';
import {
  BackendError,
  toBackendError,
  type Backend,
  type BackendAuth,
  type BackendErrorCode,
  type EvidenceStore,
} from '../backend';
import type { RpcArgs, RpcName, RpcResult } from '../rpc';

/** The private bucket the migration keep_evidence_in_storage creates. */
const EVIDENCE_BUCKET = 'evidence';

/** Storage answers with an HTTP status and its own statusCode (e.g. 400 with "403" for RLS). */
const STORAGE_CODES: Readonly<Record<number, BackendErrorCode>> = {
  401: 'permission_denied',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  413: 'invalid_evidence',
  415: 'invalid_evidence',
};

function storageError(error: { message: string; status?: number; statusCode?: string }): BackendError {
  const code = Number(error.statusCode ?? error.status);
  // No status at all: the request never got an answer.
  const fallback = error.status === undefined ? 'network' : 'unknown';
  return new BackendError(STORAGE_CODES[code] ?? fallback, error.message);
}

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
  const bucket = () => client.storage.from(EVIDENCE_BUCKET);
  const evidenceStore: EvidenceStore = {
    async upload(path, file, contentType) {
      // supabase-js sends a Blob as multipart form data, typed by the Blob itself.
      const typed = file.type === contentType ? file : new Blob([file], { type: contentType });
      const { error } = await bucket().upload(path, typed, { contentType, upsert: false });
      if (error) throw storageError(error);
    },
    async remove(paths) {
      const { error } = await bucket().remove(paths);
      if (error) throw storageError(error);
    },
    async download(path) {
      const { data, error } = await bucket().download(path);
      if (error) throw storageError(error);
      return data;
    },
  };
  return {
    mode: 'supabase',
    auth,
    evidenceStore,
    ready: async () => undefined,
    onProgress: () => () => undefined,
    async call<N extends RpcName>(name: N, args: RpcArgs<N>): Promise<RpcResult<N>> {
      const { data, error } = await client.rpc(name, args as Record<string, unknown>);
      if (error) throw toBackendError(error);
      return data as RpcResult<N>;
    },
  };
}
