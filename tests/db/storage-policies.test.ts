// Evidence files in Supabase Storage, on PostgreSQL 15 with Storage's own tables loaded before our
// migrations (tests/fixtures/supabase-storage.sql; the Storage service itself cannot run here).
// Each request is made the way the Storage API makes it: as the caller's role with its JWT claims,
// through RLS. An upload inserts the object's row (owner_id = the caller, metadata with size and
// mimetype); a download reads it first; a removal sets storage.can_delete and deletes rows.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_MIME_TYPES, evidencePath } from '../../src/domain/ledger/evidence-validation';
import { ACTORS, CLAIMS, runAs, TOWNSHIP_B, type Actor } from './actors';
import { FIXTURE, ITEM } from './fixture';
import { openTarget, targetNames, type DbTarget } from './targets';

const STORAGE = readFileSync(new URL('../fixtures/supabase-storage.sql', import.meta.url), 'utf8');
/** Township A holds ITEM (the RLS fixture); township B holds ITEM_B of the same task; another
 * app's bucket `avatars` stands beside `evidence`. */
const ITEM_B = '00000000-0000-4000-b000-000000000001';
const PHOTO = { size: 4, mimetype: 'image/png' };

const pathIn = (item: string) => evidencePath(item, randomUUID(), 'image/png');

/** An object row as Storage writes it on upload, written by the owner (no RLS): fixture SQL. */
function stored(path: string, uploader: Actor, bucket = 'evidence'): string {
  const uid = CLAIMS[uploader].sub;
  return `insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
    values ('${bucket}', '${path}', '${uid}', '${uid}', '${JSON.stringify(PHOTO)}');`;
}

/** The Storage API's upload, as the caller: insert the object row and read it back. */
const UPLOAD = `insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
  values ($1, $2, nullif(auth.jwt() ->> 'sub', '')::uuid, nullif(auth.jwt() ->> 'sub', ''), $3::jsonb)
  returning name`;
/** The Storage API's download and listing: the rows the caller may read. */
const READ = `select name from storage.objects where bucket_id = 'evidence' and name = any ($1::text[])`;
/** The Storage API's removal, after it has allowed deletes for its transaction (CAN_DELETE). */
const REMOVE = `delete from storage.objects where bucket_id = 'evidence' and name = any ($1::text[]) returning name`;
const CAN_DELETE = `select set_config('storage.can_delete', 'true', true);`;

type Cell = 'y' | '0' | 'x';

describe.runIf(targetNames().includes('pg15'))('evidence in Supabase Storage on pg15', () => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget('pg15', STORAGE);
    await db.exec('begin');
    await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(CLAIMS.planner)]);
    await db.exec(`${FIXTURE}
      insert into public.work_items (id, task_id, township_code) values ('${ITEM_B}', 'task-rls-1', '${TOWNSHIP_B}');
      insert into storage.buckets (id, name) values ('avatars', 'avatars');`);
    await db.exec('commit');
  });
  afterAll(async () => {
    await db?.close();
  });

  /** y: the statement reached rows; 0: it reached none; x: refused (42501). */
  async function cell(actor: Actor, sql: string, fixture: string, params: unknown[]): Promise<Cell> {
    const got = await runAs<{ name: string }>(db, actor, sql, fixture, params);
    if (!got.ok) {
      expect(got.code, got.message).toBe('42501');
      return 'x';
    }
    return got.rows.length > 0 ? 'y' : '0';
  }

  it('creates the private bucket evidence, limited to 10 MB and the evidence types', async () => {
    const { rows } = await db.query<{
      public: boolean;
      file_size_limit: string;
      allowed_mime_types: string[];
    }>(`select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'evidence'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.public).toBe(false);
    expect(Number(rows[0]!.file_size_limit)).toBe(10 * 1024 * 1024);
    expect([...rows[0]!.allowed_mime_types].sort()).toEqual([...EVIDENCE_MIME_TYPES].sort());
  });

  it('puts one policy each for upload, read and removal on storage.objects, for authenticated, none for update', async () => {
    const { rows } = await db.query<{ cmd: string; roles: string[] }>(
      `select cmd, roles::text[] as roles from pg_policies
       where schemaname = 'storage' and tablename = 'objects' order by cmd`,
    );
    expect(rows.map((r) => r.cmd)).toEqual(['DELETE', 'INSERT', 'SELECT']);
    expect(rows.every((r) => r.roles.join() === 'authenticated')).toBe(true);
  });

  // Uploads under township A's item and under township B's: who may act on each item.
  const UPLOADS: Record<Actor, string> = {
    anon: 'xx',
    viewer: 'xx',
    townshipA: 'yx',
    townshipB: 'xy',
    command: 'yy',
    planner: 'yy',
  };
  it.each(ACTORS)('lets %s upload only under the items it may act on', async (actor) => {
    const cells = [];
    for (const item of [ITEM, ITEM_B]) {
      cells.push(await cell(actor, UPLOAD, '', ['evidence', pathIn(item), JSON.stringify(PHOTO)]));
    }
    expect(cells.join('')).toBe(UPLOADS[actor]);
  });

  it('refuses uploads outside an item folder, or into another bucket', async () => {
    for (const path of [
      `${ITEM}/photo.png`,
      `${ITEM}/${randomUUID()}`,
      `${randomUUID()}/${randomUUID()}.png`,
    ]) {
      expect(await cell('townshipA', UPLOAD, '', ['evidence', path, '{}']), path).toBe('x');
    }
    expect(await cell('planner', UPLOAD, '', ['avatars', pathIn(ITEM), '{}'])).toBe('x');
  });

  // Reads of a file of A's item and one of B's: the items each caller reaches.
  const READS: Record<Actor, string> = {
    anon: '00',
    viewer: 'yy',
    townshipA: 'y0',
    townshipB: '0y',
    command: 'yy',
    planner: 'yy',
  };
  it.each(ACTORS)('lets %s read the files of the items in its reach', async (actor) => {
    const [a, b] = [pathIn(ITEM), pathIn(ITEM_B)];
    const fixture = stored(a, 'townshipA') + stored(b, 'townshipB');
    const cells = [];
    for (const path of [a, b]) cells.push(await cell(actor, READ, fixture, [[path]]));
    expect(cells.join('')).toBe(READS[actor]);
  });

  it('lets nobody change a stored file', async () => {
    const path = pathIn(ITEM);
    const update = `update storage.objects set metadata = '{}' where name = $1 returning name`;
    for (const actor of ACTORS) {
      expect(await cell(actor, update, stored(path, 'townshipA'), [path]), actor).toBe('0');
    }
  });

  it('lets an uploader remove only their own files that no evidence holds', async () => {
    const [own, others, held] = [pathIn(ITEM), pathIn(ITEM), pathIn(ITEM)];
    const fixture = `${CAN_DELETE}${stored(own, 'townshipA')}${stored(others, 'command')}${stored(held, 'townshipA')}
      insert into public.evidence (event_id, item_id, file_name, mime_type, size_bytes, storage_path)
      select id, item_id, 'held.png', 'image/png', 4, '${held}' from public.work_item_events
      where item_id = '${ITEM}' limit 1;`;
    const removed = async (actor: Actor, path: string, extra = '') =>
      cell(actor, REMOVE, fixture + extra, [[path]]);
    expect(await removed('townshipA', own)).toBe('y');
    expect(await removed('townshipA', others)).toBe('0');
    expect(await removed('townshipA', held)).toBe('0');
    expect(await removed('planner', own)).toBe('0');
    expect(await removed('anon', own)).toBe('0');
    // Moved to another township (of 惠济区), the item is out of A's reach: A can no longer read its
    // files, nor remove them, held or not.
    const moved = `update public.work_items set township_code = '410108011' where id = '${ITEM}';`;
    expect(await removed('townshipA', held, moved)).toBe('0');
    expect(await removed('townshipA', own, moved)).toBe('0');
  });

  it('records a file by its path only when Storage holds it, with the size and type given', async () => {
    const [version] = (
      await db.query<{ version: number }>(`select version from public.work_items where id = $1`, [ITEM])
    ).rows.map((r) => r.version);
    const path = pathIn(ITEM);
    await db.exec(stored(path, 'townshipA'));
    const complete = (storage_path: string, size_bytes = PHOTO.size, mime_type = PHOTO.mimetype) =>
      db.call(
        'act_on_item',
        {
          item_id: ITEM,
          action: 'complete',
          base_version: version!,
          evidence: [{ file_name: '整改后.png', mime_type, size_bytes, storage_path }],
        },
        CLAIMS.townshipA,
      );
    // The same name in another bucket is not the file.
    const missing = pathIn(ITEM);
    await db.exec(stored(missing, 'townshipA', 'avatars'));
    await expect(complete(missing)).rejects.toMatchObject({
      code: 'invalid_evidence',
      detail: `no file is stored at ${missing}`,
    });
    const differs = "the stored file's size or type differs from the one given";
    await expect(complete(path, 5)).rejects.toMatchObject({ code: 'invalid_evidence', detail: differs });
    await expect(complete(path, 4, 'image/jpeg')).rejects.toMatchObject({
      code: 'invalid_evidence',
      detail: differs,
    });

    expect(await complete(path)).toMatchObject({ status: 'done' });
    const detail = await db.call('item_detail', { item_id: ITEM }, CLAIMS.command);
    const evidence = detail!.events.at(-1)!.evidence[0]!;
    expect(await db.call('evidence_file', { evidence_id: evidence.id }, CLAIMS.command)).toMatchObject({
      storage_path: path,
      content_base64: null,
    });
    // Held now: not even its uploader removes it.
    expect(await cell('townshipA', REMOVE, CAN_DELETE, [[path]])).toBe('0');
  });
});
