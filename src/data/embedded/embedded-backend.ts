// The embedded adapter on the app's side: starts the database worker on first use (its chunk,
// with PGlite and PostGIS, loads lazily) and forwards calls to it.
import { BackendError, type Backend, type DemoUser, type StartupProgress } from '../backend';
import type { RpcArgs, RpcName, RpcResult } from '../rpc';
import {
  IDB_DATABASES,
  type CallMessage,
  type FromWorker,
  type ToWorker,
  type UsersMessage,
} from './protocol';
import type { JwtClaims } from './rpc-session';

/** The demo planner (data/generator/members.ts): who a first visit acts as. */
export const DEFAULT_DEMO_USER = '00000000-0000-4000-8000-000000000001';
const USER_KEY = 'tuzhang.demoUser';

function storedUser(): string {
  try {
    return localStorage.getItem(USER_KEY) ?? DEFAULT_DEMO_USER;
  } catch {
    return DEFAULT_DEMO_USER;
  }
}

export function createEmbeddedBackend(prebuiltUrl: string): Backend {
  let worker: Worker | null = null;
  let readyPromise: Promise<void> | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: BackendError) => void }>();
  const listeners = new Set<(p: StartupProgress) => void>();
  let userId = storedUser();

  const request = <T>(message: CallMessage | UsersMessage): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(message.id, { resolve: resolve as (v: unknown) => void, reject });
      worker!.postMessage(message);
    });

  const start = (): Promise<void> => {
    if (readyPromise) return readyPromise;
    readyPromise = new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'tuzhang-db' });
      worker = w;
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data;
        if (m.type === 'progress') listeners.forEach((l) => l(m.progress));
        else if (m.type === 'ready') resolve();
        else if (m.type === 'failed') reject(new BackendError(m.code, m.message));
        else {
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (m.ok) p?.resolve(m.result);
          else p?.reject(new BackendError(m.code, m.message, m.detail));
        }
      };
      w.onerror = (event) =>
        reject(new BackendError('startup_failed', event.message || 'database worker failed to load'));
      w.postMessage({ type: 'init', prebuiltUrl } satisfies ToWorker);
    });
    // A failed start leaves nothing behind, so that a retry starts afresh.
    readyPromise.catch(() => stop());
    return readyPromise;
  };

  const stop = () => {
    worker?.terminate();
    worker = null;
    readyPromise = null;
    for (const p of pending.values()) p.reject(new BackendError('startup_failed', 'database restarted'));
    pending.clear();
  };

  return {
    mode: 'embedded',
    ready: start,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async call<N extends RpcName>(name: N, args: RpcArgs<N>): Promise<RpcResult<N>> {
      await start();
      const claims: JwtClaims = { sub: userId, role: 'authenticated' };
      return request<RpcResult<N>>({ type: 'call', id: nextId++, name, args, claims });
    },
    demoUsers: {
      async list() {
        await start();
        return request<DemoUser[]>({ type: 'users', id: nextId++ });
      },
      current: () => userId,
      switchTo(id) {
        userId = id;
        try {
          localStorage.setItem(USER_KEY, id);
        } catch {
          // Storage refused: the choice lasts for this page only.
        }
      },
    },
    async reset() {
      stop();
      await Promise.all(
        IDB_DATABASES.map(
          (name) =>
            new Promise<void>((resolve, reject) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = () => resolve();
              request.onerror = () => reject(new BackendError('storage_unavailable', String(request.error)));
              request.onblocked = () => resolve();
            }),
        ),
      );
    },
  };
}
