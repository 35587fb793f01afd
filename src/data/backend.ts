// The one interface through which the app reaches a database. Two adapters implement it:
// embedded (PGlite in a Web Worker) and supabase (supabase-js `.rpc()`).
import type { MemberRole } from '../domain/ledger/item-status';
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

/** A demo account of the embedded database, for its user switcher. */
export interface DemoUser {
  id: string;
  email: string;
  role: MemberRole;
  display_name: string;
  township_code: string | null;
  district_code: string | null;
  district_name: string | null;
}

/**
 * The embedded database's users: no passwords, a switcher instead. Calls run with the chosen
 * user's JWT claims, so the same policies apply as on Supabase.
 */
export interface DemoUsers {
  list(): Promise<DemoUser[]>;
  current(): string;
  switchTo(id: string): void;
}

/**
 * Evidence files kept outside the database: Supabase Storage's private bucket `evidence`, paths
 * `<item_id>/<uuid>.<ext>`. Reached only through src/data/work-items.
 */
export interface EvidenceStore {
  upload(path: string, file: Blob, contentType: string): Promise<void>;
  remove(paths: string[]): Promise<void>;
  download(path: string): Promise<Blob>;
}

export interface Backend {
  readonly mode: BackendMode;
  readonly auth?: BackendAuth;
  readonly demoUsers?: DemoUsers;
  /** Supabase only: where evidence files go. The embedded database keeps their bytes itself. */
  readonly evidenceStore?: EvidenceStore;
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
  | 'stale_version'
  | 'not_found'
  | 'evidence_required'
  | 'invalid_evidence'
  | 'note_required'
  | 'status_not_allowed'
  | 'role_not_allowed'
  | 'unknown_action'
  | 'invalid_changes'
  | 'invalid_dispatch'
  | 'plan_exists'
  | 'invalid_plan'
  | 'invalid_merge'
  | 'invalid_unit_name'
  | 'cannot_unmerge'
  | 'invalid_filter'
  | 'invalid_feature'
  | 'outside_plan_district'
  | 'already_exists'
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
    /**
     * What the database attached: for stale_version, the current values as they now stand; for
     * plan_exists, the plan (ExistingPlan); for invalid_plan, where and what (PlanProblem); for
     * invalid_feature, the reason code of validateFeature (FeatureEditReason); for
     * outside_plan_district, the feature and both districts (OutsidePlanDistrict); for
     * invalid_unit_name, the reason (UnitNameProblem); for cannot_unmerge, why (CannotUnmerge);
     * for already_exists from a rename, the unit that has the name (UnitNameTaken).
     */
    readonly detail: unknown = null,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

const SQL_CODES: readonly BackendErrorCode[] = [
  'invalid_bbox',
  'invalid_radius',
  'stale_version',
  'not_found',
  'evidence_required',
  'invalid_evidence',
  'note_required',
  'status_not_allowed',
  'role_not_allowed',
  'unknown_action',
  'invalid_changes',
  'invalid_dispatch',
  'plan_exists',
  'invalid_plan',
  'invalid_merge',
  'invalid_unit_name',
  'cannot_unmerge',
  'invalid_filter',
  'invalid_feature',
  'outside_plan_district',
  'permission_denied',
];

/** The error's detail (PostgreSQL's DETAIL; PostgREST calls it details), parsed when it is JSON. */
function detailOf(e: { detail?: unknown; details?: unknown } | null): unknown {
  const raw = e?.detail ?? e?.details ?? null;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Maps a database error (message + SQLSTATE) to a BackendError, identically for both adapters. */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  const e = error as { message?: string; code?: string; detail?: unknown; details?: unknown } | null;
  const message = e?.message ?? String(error);
  const known = SQL_CODES.find((c) => message === c || message.startsWith(`${c}:`));
  if (known) return new BackendError(known, message, detailOf(e));
  if (e?.code === '42501') return new BackendError('permission_denied', message, detailOf(e));
  if (e?.code === '23505') return new BackendError('already_exists', message, detailOf(e));
  // A check constraint the form did not know of (the UI checks first; this is the last line).
  if (e?.code === '23514') return new BackendError('invalid_changes', message, detailOf(e));
  if (e?.code === 'invalid_credentials') return new BackendError('invalid_credentials', message);
  return new BackendError('unknown', message);
}
