// Messages between the app and the database worker.
import type { BackendErrorCode, StartupProgress } from '../backend';
import type { RpcName } from '../rpc';
import type { JwtClaims } from './rpc-session';

export interface InitMessage {
  type: 'init';
  /** Absolute URL of the prebuilt data directory (public/db/tuzhang.tar.gz). */
  prebuiltUrl: string;
}
export interface CallMessage {
  type: 'call';
  id: number;
  name: RpcName;
  args: object;
  claims: JwtClaims;
}
/** Lists the demo accounts (auth.users with their memberships), read as the database owner. */
export interface UsersMessage {
  type: 'users';
  id: number;
}
export type ToWorker = InitMessage | CallMessage | UsersMessage;

export type FromWorker =
  | { type: 'progress'; progress: StartupProgress }
  | { type: 'ready'; storage: 'indexeddb' | 'memory' }
  | { type: 'failed'; code: BackendErrorCode; message: string }
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; code: BackendErrorCode; message: string; detail: unknown };

/** IndexedDB names the embedded database uses; reset deletes both. */
export const DATA_DIR = 'idb://tuzhang';
export const IDB_DATABASES = ['/pglite/tuzhang', 'tuzhang-meta'] as const;
