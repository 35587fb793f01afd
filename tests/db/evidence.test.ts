// Evidence rows on both databases: each holds its bytes (embedded) or a Storage path (Supabase),
// exactly one of the two, with the same size and type checks; paths lie in their item's folder,
// by the same rule as validateEvidencePath; act_on_item takes either kind of file. These
// databases have no schema storage, so a path is checked for its shape only; that the object
// exists is checked where Storage is (tests/db/storage-policies.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EVIDENCE_MIME_TYPES,
  MAX_EVIDENCE_BYTES,
  evidencePath,
  validateEvidencePath,
} from '../../src/domain/ledger/evidence-validation';
import type { EvidenceUpload, WorkItem } from '../../src/domain/ledger/types';
import { CLAIMS, runAs } from './actors';
import { EVENT, FIXTURE, ITEM } from './fixture';
import { openTarget, targetNames, type DbTarget } from './targets';

const OTHER_ITEM = '00000000-0000-4000-a000-000000000002';
const pathOf = (item: string, mime = 'image/png') => evidencePath(item, randomUUID(), mime);

interface Row {
  content?: string | null;
  storage_path?: string | null;
  size_bytes?: number;
  mime_type?: string;
}

/** One insert of evidence rows for the fixture's event; content is hex. */
function insertRows(rows: Row[]): [string, unknown[]] {
  const values = rows.map((_, i) => {
    const [mime, size, content, path] = [1, 2, 3, 4].map((n) => `$${i * 4 + n}`);
    return `('${EVENT}', '${ITEM}', 'f', ${mime}, ${size}, decode(${content}, 'hex'), ${path})`;
  });
  return [
    `insert into public.evidence (event_id, item_id, file_name, mime_type, size_bytes, content, storage_path)
     values ${values.join(', ')}`,
    rows.flatMap((r) => [
      r.mime_type ?? 'image/png',
      r.size_bytes ?? 1,
      r.content ?? null,
      r.storage_path ?? null,
    ]),
  ];
}

describe.each(targetNames())('evidence on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** What the database says to `rows`, inserted by the planner: ok, or the constraint they violate. */
  async function verdict(...rows: Row[]): Promise<string> {
    const [sql, params] = insertRows(rows);
    const outcome = await runAs(db, 'planner', sql, FIXTURE, params);
    if (outcome.ok) return 'ok';
    return /constraint "([a-z_]+)"/.exec(outcome.message)?.[1] ?? `${outcome.code} ${outcome.message}`;
  }

  it('keeps exactly one of the bytes and a Storage path, with the size and type checks on both', async () => {
    const path = pathOf(ITEM);
    expect(await verdict({ content: '00' })).toBe('ok');
    expect(await verdict({ storage_path: path, size_bytes: 123_456 })).toBe('ok');
    expect(await verdict({ content: '00', storage_path: path })).toBe('evidence_content_or_storage');
    expect(await verdict({})).toBe('evidence_content_or_storage');
    expect(await verdict({ content: '0000' })).toBe('evidence_size_matches');
    expect(await verdict({ storage_path: path, size_bytes: 0 })).toBe('evidence_size_bytes_check');
    expect(await verdict({ storage_path: path, size_bytes: MAX_EVIDENCE_BYTES + 1 })).toBe(
      'evidence_size_bytes_check',
    );
    expect(await verdict({ storage_path: path, mime_type: 'application/x-msdownload' })).toBe(
      'evidence_mime_type_check',
    );
    expect(await verdict({ storage_path: pathOf(OTHER_ITEM) })).toBe('evidence_storage_path_of_item');
    expect(await verdict({ storage_path: `${ITEM}/photo.png` })).toBe('evidence_storage_path_of_item');
    expect(await verdict({ storage_path: path }, { storage_path: path })).toBe('evidence_storage_path_once');
  });

  it('decides where a path may lie exactly as validateEvidencePath does', async () => {
    const object = randomUUID();
    const paths = [
      ...EVIDENCE_MIME_TYPES.map((mime) => evidencePath(ITEM, object, mime)),
      evidencePath(OTHER_ITEM, object, 'image/png'),
      `${ITEM}/${object}`,
      `${ITEM}/${object}.PNG`,
      `${ITEM}/${object}.png/`,
      `${ITEM}/sub/${object}.png`,
      `${ITEM.toUpperCase()}/${object}.png`,
      `../${ITEM}/${object}.png`,
      `${ITEM}/${object}.abcdefghi`,
      '',
    ];
    const { rows } = await db.query<{ p: string; i: string; v: unknown }>(
      `select p, i, private.evidence_path_verdict(p, i::uuid) as v
       from unnest($1::text[]) p, unnest($2::text[]) i`,
      [paths, [ITEM, OTHER_ITEM]],
    );
    expect(rows).toHaveLength(paths.length * 2);
    for (const row of rows) expect(row.v, `${row.p} ${row.i}`).toEqual(validateEvidencePath(row.p, row.i));
    expect(rows.filter((r) => (r.v as { ok: boolean }).ok)).toHaveLength(EVIDENCE_MIME_TYPES.length + 1);
  });

  it('lets act_on_item record files by their Storage path, and refuses paths and sizes that cannot be', async () => {
    const item = (
      await db.call('work_items_list', { statuses: ['not_started'], limit_n: 1 }, CLAIMS.townshipA)
    ).items[0] as WorkItem;
    const file = { file_name: '整改后.png', mime_type: 'image/png', size_bytes: 5_000_000 };
    const complete = (evidence: EvidenceUpload[]) =>
      db.call(
        'act_on_item',
        { item_id: item.id, action: 'complete', base_version: item.version, evidence },
        CLAIMS.townshipA,
      );
    const refusals: [EvidenceUpload[], string][] = [
      [[{ ...file, storage_path: pathOf(OTHER_ITEM) }], 'storage_path: other_item'],
      [[{ ...file, storage_path: `${item.id}/整改后.png` }], 'storage_path: bad_path'],
      [
        [{ ...file, storage_path: pathOf(item.id), size_bytes: MAX_EVIDENCE_BYTES + 1 }],
        'a file must hold 1 byte to 10 MB',
      ],
      [[{ ...file, storage_path: pathOf(item.id), size_bytes: 1.5 }], 'a file must hold 1 byte to 10 MB'],
      [
        [{ file_name: 'x.png', mime_type: 'image/png', storage_path: pathOf(item.id) } as never],
        'a file must hold 1 byte to 10 MB',
      ],
      [
        [{ ...file, storage_path: pathOf(item.id), content_base64: 'AA==' } as never],
        'a file has either content_base64 or storage_path',
      ],
    ];
    for (const [evidence, detail] of refusals) {
      await expect(complete(evidence), detail).rejects.toMatchObject({ code: 'invalid_evidence', detail });
    }

    const path = pathOf(item.id);
    const done = await complete([
      { ...file, storage_path: path, taken_at: '2026-11-20T09:30:00+08:00', lon: 113.55, lat: 34.85 },
      { file_name: '说明.txt', mime_type: 'text/plain', content_base64: 'AA==' },
    ]);
    expect(done.status).toBe('done');
    const detail = await db.call('item_detail', { item_id: item.id }, CLAIMS.command);
    const files = detail!.events.at(-1)!.evidence;
    const stored = files.find((f) => f.file_name === '整改后.png');
    const inline = files.find((f) => f.file_name === '说明.txt');
    expect(stored).toMatchObject({
      file_name: '整改后.png',
      size_bytes: 5_000_000,
      location: [113.55, 34.85],
    });
    expect(await db.call('evidence_file', { evidence_id: stored!.id }, CLAIMS.townshipA)).toEqual({
      id: stored!.id,
      file_name: '整改后.png',
      mime_type: 'image/png',
      content_base64: null,
      storage_path: path,
    });
    expect(await db.call('evidence_file', { evidence_id: inline!.id }, CLAIMS.townshipA)).toMatchObject({
      content_base64: 'AA==',
      storage_path: null,
    });
    expect(await db.call('evidence_file', { evidence_id: stored!.id }, CLAIMS.townshipB)).toBeNull();
  });
});
