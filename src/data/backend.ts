// The one interface through which the app reaches a database. Two adapters implement it:
// embedded (PGlite in a Web Worker) and supabase (supabase-js `.rpc()`).
import type { RpcArgs, RpcName, RpcResult } from './rpc';

export type BackendMode = 'embedded' | 'supabase';

/** What the database is doing while it starts, for the progress indicator. */
export type StartupStep = 'engine' | 'download' | 'restore' | 'migrate' | 'ready';
export interface StartupProgress {
  step: StartupStep;
  /** 0..1 when known (downloads). */
  fraction?: number;
}

export interface BackendUser {
  id: string;
  email: string | null;
}

/** Sign-in, where the backend has real accounts (Supabase Auth). */
export interface BackendAuth {
  currentUser(): Promise<BackendUser | null>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

export interface Backend {
  readonly mode: BackendMode;
  readonly auth?: BackendAuth;
  /** Resolves when the database can answer; rejects with a BackendError if it cannot start. */
  ready(): Promise<void>;
  call<N extends RpcName>(name: N, args: RpcArgs<N>): Promise<RpcResult<N>>;
  onProgress(listener: (progress: StartupProgress) => void): () => void;
  /** Embedded only: wipe the local database so the next start restores the sample data. */
  reset?(): Promise<void>;
}

/** Codes the UI turns into messages (src/i18n): the SQL functions raise the first group. */
export type BackendErrorCode =
  | 'invalid_bbox'
  | 'invalid_radius'
  | 'permission_denied'
  | 'startup_failed'
  | 'storage_unavailable'
  | 'network'
  | 'invalid_credentials'
  | 'unknown';

export class BackendError extends Error {
  constructor(
    readonly code: BackendErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

const SQL_CODES: readonly BackendErrorCode[] = ['invalid_bbox', 'invalid_radius'];

/** Maps a database error (message + SQLSTATE) to a BackendError, identically for both adapters. */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  const e = error as { message?: string; code?: string } | null;
  const message = e?.message ?? String(error);
  const known = SQL_CODES.find((c) => message === c || message.startsWith(`${c}:`));
  if (known) return new BackendError(known, message);
  if (e?.code === '42501') return new BackendError('permission_denied', message);
  if (e?.code === 'invalid_credentials') return new BackendError('invalid_credentials', message);
  return new BackendError('unknown', message);
}
