// The embedded database: PGlite + PostGIS in a Web Worker, kept in IndexedDB. First start loads
// the prebuilt data directory (migrations and seed already applied); every start applies any
// migration the local copy lacks. Calls run one at a time, each in its own transaction.
/// <reference lib="webworker" />
import { PGlite } from '@electric-sql/pglite';
import { BackendError, toBackendError } from '../backend';
import { migrate, type SqlSession } from '../schema';
import { pgliteExtensions } from './pglite-options';
import { DATA_DIR, type FromWorker, type ToWorker } from './protocol';
import { callAsRole } from './rpc-session';
import type { RpcName } from '../rpc';

declare const self: DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => self.postMessage(message);

const META_DB = 'tuzhang-meta';

function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function openMeta(): Promise<IDBDatabase> {
  const open = indexedDB.open(META_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('state');
  return idbRequest(open);
}

/** Whether a complete copy of the database was stored (a first load can be interrupted). */
async function readLoadedMarker(): Promise<boolean> {
  const meta = await openMeta();
  try {
    return (await idbRequest(meta.transaction('state').objectStore('state').get('loaded'))) === true;
  } finally {
    meta.close();
  }
}

async function writeLoadedMarker(): Promise<void> {
  const meta = await openMeta();
  try {
    await idbRequest(meta.transaction('state', 'readwrite').objectStore('state').put(true, 'loaded'));
  } finally {
    meta.close();
  }
}

async function download(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new BackendError('startup_failed', `prebuilt database: HTTP ${response.status}`);
  }
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (total) post({ type: 'progress', progress: { step: 'download', fraction: received / total } });
  }
  return new Blob(chunks as BlobPart[]);
}

async function open(prebuiltUrl: string): Promise<{ db: PGlite; storage: 'indexeddb' | 'memory' }> {
  post({ type: 'progress', progress: { step: 'engine' } });
  let persistent = typeof indexedDB !== 'undefined';
  let loaded = false;
  if (persistent) {
    try {
      loaded = await readLoadedMarker();
    } catch {
      persistent = false; // IndexedDB refused (private mode, quota): run in memory.
    }
  }
  if (persistent && loaded) {
    return {
      db: await PGlite.create({ dataDir: DATA_DIR, extensions: pgliteExtensions }),
      storage: 'indexeddb',
    };
  }
  if (persistent) await idbRequest(indexedDB.deleteDatabase('/pglite/tuzhang')); // a partial earlier load
  post({ type: 'progress', progress: { step: 'download', fraction: 0 } });
  const tarball = await download(prebuiltUrl);
  post({ type: 'progress', progress: { step: 'restore' } });
  const db = await PGlite.create({
    ...(persistent ? { dataDir: DATA_DIR } : {}),
    extensions: pgliteExtensions,
    loadDataDir: tarball,
  });
  if (persistent) {
    await db.syncToFs();
    await writeLoadedMarker();
  }
  return { db, storage: persistent ? 'indexeddb' : 'memory' };
}

let session: SqlSession | null = null;

// The embedded database's accounts for the user switcher: planners first, then command,
// viewers, and townships by code.
const DEMO_USERS_SQL = `
  select u.id, u.email, m.role, m.display_name, m.township_code, m.district_code, d.name as district_name
  from auth.users u join public.memberships m on m.user_id = u.id
  left join public.districts d on d.code = m.district_code
  order by array_position(array['planner', 'command', 'viewer', 'township'], m.role), m.township_code, u.email`;
let queue: Promise<unknown> = Promise.resolve();

async function start(prebuiltUrl: string) {
  try {
    const { db, storage } = await open(prebuiltUrl);
    session = { exec: (sql) => db.exec(sql), query: (sql, params) => db.query(sql, params) };
    post({ type: 'progress', progress: { step: 'migrate' } });
    await migrate(session);
    post({ type: 'progress', progress: { step: 'ready' } });
    post({ type: 'ready', storage });
  } catch (error) {
    const e =
      error instanceof BackendError
        ? error
        : new BackendError('startup_failed', String((error as Error)?.message ?? error));
    post({ type: 'failed', code: e.code, message: e.message });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    void start(message.prebuiltUrl);
    return;
  }
  const { id } = message;
  queue = queue.then(async () => {
    try {
      if (!session) throw new BackendError('startup_failed', 'database is not open');
      const result =
        message.type === 'users'
          ? (await session.query(DEMO_USERS_SQL)).rows
          : await callAsRole(session, message.claims, message.name as RpcName, message.args as never);
      post({ type: 'result', id, ok: true, result });
    } catch (error) {
      const e = toBackendError(error);
      post({ type: 'result', id, ok: false, code: e.code, message: e.message, detail: e.detail });
    }
  });
};
