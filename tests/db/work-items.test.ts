// 对账销号 on both databases: the status loop through the API as each role would use it, evidence,
// conflicts between concurrent edits, repeated submissions, and the history that replays to the
// current rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  ITEM_ACTIONS,
  ITEM_STATUSES,
  MEMBER_ROLES,
  itemTransition,
  type ItemStatus,
} from '../../src/domain/ledger/item-status';
import type { WorkItem } from '../../src/domain/ledger/types';
import { callAsRole } from '../../src/data/embedded/rpc-session';
import {
  EVIDENCE_MIME_TYPES,
  MAX_EVIDENCE_BYTES,
  validateEvidence,
} from '../../src/domain/ledger/evidence-validation';
import { CLAIMS, runAs, TOWNSHIP_A, TOWNSHIP_B } from './actors';
import { openTarget, pgSession, targetNames, type DbTarget } from './targets';

const PHOTO = { file_name: '现场.png', mime_type: 'image/png', content_base64: 'iVBORw0KGgo=' };

describe.each(targetNames())('work items on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  const firstItem = async (status: ItemStatus = 'not_started'): Promise<WorkItem> => {
    const list = await db.call('work_items_list', { statuses: [status], limit_n: 50 }, CLAIMS.townshipA);
    // Items of a task without other townships' items in the same test run stay apart.
    const item = list.items.find((i) => i.feature === null) ?? list.items[0];
    if (!item) throw new Error(`no ${status} item of township A`);
    return item;
  };

  it('decides transitions exactly as the TypeScript rules do', async () => {
    const { rows } = await db.query<{ s: string; a: string; r: string | null; n: string | null; v: unknown }>(
      `select s, a, r, n, private.item_transition(s, a, r, n) as v
       from unnest($1::text[]) s, unnest($2::text[]) a, unnest($3::text[]) r, unnest($4::text[]) n`,
      [ITEM_STATUSES, [...ITEM_ACTIONS, 'explode'], [...MEMBER_ROLES, null], ['说明', null, ' ']],
    );
    expect(rows.length).toBe(4 * 6 * 5 * 3);
    for (const row of rows) {
      expect(row.v, `${row.s} ${row.a} ${row.r} ${row.n}`).toEqual(
        itemTransition(row.s as ItemStatus, row.a, row.r as never, row.n),
      );
    }
  });

  it('checks evidence in the database exactly as validateEvidence does', async () => {
    const cases = [
      ...EVIDENCE_MIME_TYPES.map((mime) => ({ mime, size: 1 })),
      { mime: 'application/x-msdownload', size: 1 },
      { mime: 'image/png', size: MAX_EVIDENCE_BYTES },
      { mime: 'image/png', size: MAX_EVIDENCE_BYTES + 1 },
    ];
    for (const c of cases) {
      const stored = await runAs(
        db,
        'planner',
        `insert into public.evidence (event_id, item_id, file_name, mime_type, size_bytes, content)
         select e.id, e.item_id, 'f', $1, $2, decode(repeat('00', $2), 'hex')
         from public.work_item_events e limit 1`,
        `insert into public.work_item_events (item_id, action, base_version)
         select id, 'start', version from public.work_items where status = 'not_started' limit 1`,
        [c.mime, c.size],
      );
      expect(stored.ok, `${c.mime} ${c.size}`).toBe(
        validateEvidence({ mime_type: c.mime, size_bytes: c.size }).ok,
      );
    }
  });

  it.each(['viewer', 'townshipA', 'command'] as const)(
    'lets the read policy and item_in_reach agree on what %s reaches',
    async (actor) => {
      const ids =
        "select md5(string_agg(id::text, ',' order by id)) as h, count(*)::int as n from public.work_items";
      await db.exec('begin');
      try {
        await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(CLAIMS[actor])]);
        // As the owner (no RLS), by the function; then as the caller, by the policy.
        const byFunction = await db.query(`${ids} where private.item_in_reach(township_code, district_code)`);
        await db.query("select set_config('role', 'authenticated', true)");
        const byPolicy = await db.query(ids);
        expect(byPolicy.rows[0]).toEqual(byFunction.rows[0]);
        expect((byPolicy.rows[0] as { n: number }).n).toBeGreaterThan(0);
      } finally {
        await db.exec('rollback');
      }
    },
  );

  it('applies a membership change on the next request', async () => {
    const user = CLAIMS.townshipA.sub;
    expect(await db.call('whoami', {}, CLAIMS.townshipA)).toMatchObject({ township: { code: TOWNSHIP_A } });
    await db.query('update public.memberships set township_code = $1 where user_id = $2', [TOWNSHIP_B, user]);
    try {
      expect(await db.call('whoami', {}, CLAIMS.townshipA)).toMatchObject({ township: { code: TOWNSHIP_B } });
      const list = await db.call('work_items_list', { limit_n: 20 }, CLAIMS.townshipA);
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((i) => i.township?.code === TOWNSHIP_B)).toBe(true);
      await db.query(
        "update public.memberships set role = 'viewer', township_code = null where user_id = $1",
        [user],
      );
      await expect(
        db.call(
          'act_on_item',
          { item_id: list.items[0]!.id, action: 'start', base_version: 1 },
          CLAIMS.townshipA,
        ),
      ).rejects.toMatchObject({ code: 'role_not_allowed' });
    } finally {
      await db.query(
        "update public.memberships set role = 'township', township_code = $1 where user_id = $2",
        [TOWNSHIP_A, user],
      );
    }
  });

  it('shows a township only its own items, overdue first', async () => {
    const list = await db.call('work_items_list', {}, CLAIMS.townshipA);
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((i) => i.township?.code === TOWNSHIP_A)).toBe(true);
    const overdueFlags = list.items.map((i) => i.overdue);
    expect(overdueFlags).toEqual([...overdueFlags].sort((a, b) => Number(b) - Number(a)));
    const command = await db.call(
      'work_items_list',
      { township_code: TOWNSHIP_B, limit_n: 5 },
      CLAIMS.command,
    );
    expect(command.total).toBeGreaterThan(0);
    expect(command.items.every((i) => i.township?.code === TOWNSHIP_B)).toBe(true);
  });

  it('runs the loop: start, report, complete with a photo, 退回, complete, 销号', async () => {
    const item = await firstItem();
    const started = await db.call(
      'act_on_item',
      { item_id: item.id, action: 'start', base_version: item.version },
      CLAIMS.townshipA,
    );
    expect(started).toMatchObject({ status: 'in_progress', version: item.version + 1 });
    const reported = await db.call(
      'act_on_item',
      { item_id: item.id, action: 'report', base_version: started.version, note: '已完成一半' },
      CLAIMS.townshipA,
    );
    expect(reported).toMatchObject({
      status: 'in_progress',
      last_note: '已完成一半',
      last_actor_name: '古荥镇',
    });
    await expect(
      db.call(
        'act_on_item',
        { item_id: item.id, action: 'complete', base_version: reported.version },
        CLAIMS.townshipA,
      ),
    ).rejects.toMatchObject({ code: 'evidence_required' });
    const done = await db.call(
      'act_on_item',
      {
        item_id: item.id,
        action: 'complete',
        base_version: reported.version,
        note: '已整改',
        evidence: [{ ...PHOTO, taken_at: '2026-11-20T09:30:00+08:00', lon: 113.55, lat: 34.85 }],
      },
      CLAIMS.townshipA,
    );
    expect(done.status).toBe('done');
    await expect(
      db.call(
        'act_on_item',
        { item_id: item.id, action: 'close', base_version: done.version },
        CLAIMS.townshipA,
      ),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    await expect(
      db.call(
        'act_on_item',
        { item_id: item.id, action: 'return', base_version: done.version },
        CLAIMS.command,
      ),
    ).rejects.toMatchObject({ code: 'note_required' });
    const returned = await db.call(
      'act_on_item',
      { item_id: item.id, action: 'return', base_version: done.version, note: '照片不清楚' },
      CLAIMS.command,
    );
    expect(returned).toMatchObject({ status: 'in_progress', last_note: '照片不清楚' });
    const again = await db.call(
      'act_on_item',
      { item_id: item.id, action: 'complete', base_version: returned.version, evidence: [PHOTO] },
      CLAIMS.townshipA,
    );
    const closed = await db.call(
      'act_on_item',
      { item_id: item.id, action: 'close', base_version: again.version, note: '复核通过' },
      CLAIMS.command,
    );
    expect(closed).toMatchObject({ status: 'closed', overdue: false });

    const detail = await db.call('item_detail', { item_id: item.id }, CLAIMS.townshipA);
    expect(detail!.events.map((e) => [e.action, e.from_status, e.to_status, e.actor_name])).toEqual([
      ['start', 'not_started', 'in_progress', '古荥镇'],
      ['report', 'in_progress', 'in_progress', '古荥镇'],
      ['complete', 'in_progress', 'done', '古荥镇'],
      ['return', 'done', 'in_progress', '指挥中心（值班）'],
      ['complete', 'in_progress', 'done', '古荥镇'],
      ['close', 'done', 'closed', '指挥中心（值班）'],
    ]);
    const photo = detail!.events[2]!.evidence[0]!;
    expect(photo).toMatchObject({
      file_name: '现场.png',
      mime_type: 'image/png',
      size_bytes: 8,
      location: [113.55, 34.85],
    });
    expect(Date.parse(photo.taken_at!)).toBe(Date.parse('2026-11-20T09:30:00+08:00'));
    const file = await db.call('evidence_file', { evidence_id: photo.id }, CLAIMS.command);
    expect(file).toMatchObject({ content_base64: PHOTO.content_base64, file_name: '现场.png' });
    // Township B reaches neither the item nor its evidence.
    expect(await db.call('item_detail', { item_id: item.id }, CLAIMS.townshipB)).toBeNull();
    expect(await db.call('evidence_file', { evidence_id: photo.id }, CLAIMS.townshipB)).toBeNull();

    const history = await db.call('history_of', { item_id: item.id }, CLAIMS.townshipA);
    const statusChanges = history
      .filter((h) => h.op === 'update' && h.changes.status)
      .map((h) => [h.actor_name, ...h.changes.status!])
      .reverse();
    expect(statusChanges).toEqual([
      ['古荥镇', 'not_started', 'in_progress'],
      ['古荥镇', 'in_progress', 'done'],
      ['指挥中心（值班）', 'done', 'in_progress'],
      ['古荥镇', 'in_progress', 'done'],
      ['指挥中心（值班）', 'done', 'closed'],
    ]);
  });

  it('refuses an action based on an older version, with the current values', async () => {
    const item = await firstItem();
    await db.call(
      'act_on_item',
      { item_id: item.id, action: 'start', base_version: item.version },
      CLAIMS.townshipA,
    );
    await expect(
      db.call(
        'act_on_item',
        { item_id: item.id, action: 'report', base_version: item.version, note: '晚了一步' },
        CLAIMS.command,
      ),
    ).rejects.toMatchObject({
      code: 'stale_version',
      detail: { status: 'in_progress', version: item.version + 1, last_actor_name: '古荥镇' },
    });
  });

  it('stores a repeated submission once and answers it with the first answer', async () => {
    const item = await firstItem();
    const args = {
      item_id: item.id,
      action: 'report' as const,
      base_version: item.version,
      note: '重复提交',
      client_id: '7b0c2a4e-0f6d-4f7e-9a51-2d8f3c1e5b01',
    };
    const first = await db.call('act_on_item', args, CLAIMS.townshipA);
    const second = await db.call('act_on_item', args, CLAIMS.townshipA);
    expect(second).toEqual(first);
    const detail = await db.call('item_detail', { item_id: item.id }, CLAIMS.townshipA);
    expect(detail!.events.filter((e) => e.note === '重复提交')).toHaveLength(1);
  });

  it('keeps townships from dispatching, reassigning or editing geometry', async () => {
    const item = await firstItem();
    await expect(
      db.call('dispatch_item', { task_id: item.task.id, township_code: TOWNSHIP_B }, CLAIMS.townshipA),
    ).rejects.toMatchObject({ code: 'permission_denied' });
    await expect(
      db.call(
        'update_item',
        { item_id: item.id, base_version: item.version, changes: { township_code: TOWNSHIP_B } },
        CLAIMS.townshipA,
      ),
    ).rejects.toMatchObject({ code: 'permission_denied' });
    const feature = (await db.call('work_items_list', { limit_n: 500 }, CLAIMS.townshipA)).items.find(
      (i) => i.feature,
    )!.feature!;
    const values = await db.call(
      'update_feature',
      { feature_id: feature.id, base_version: 1, changes: { name: '改名' } },
      CLAIMS.planner,
    );
    await expect(
      db.call(
        'update_feature',
        {
          feature_id: feature.id,
          base_version: values.version,
          changes: { geometry: { type: 'Point', coordinates: [113.6, 34.9] } },
        },
        CLAIMS.townshipA,
      ),
    ).rejects.toMatchObject({ code: 'permission_denied' });
    // Township B holds this task already (各镇（街道）): the same item cannot exist twice.
    await expect(
      db.call(
        'update_item',
        { item_id: item.id, base_version: item.version, changes: { township_code: TOWNSHIP_B } },
        CLAIMS.command,
      ),
    ).rejects.toMatchObject({ code: 'already_exists' });
    const featureItem = (await db.call('work_items_list', { limit_n: 500 }, CLAIMS.townshipA)).items.find(
      (i) => i.feature,
    )!;
    const moved = await db.call(
      'update_item',
      { item_id: featureItem.id, base_version: featureItem.version, changes: { township_code: TOWNSHIP_B } },
      CLAIMS.command,
    );
    expect(moved.township).toMatchObject({ code: TOWNSHIP_B });
    expect(await db.call('item_detail', { item_id: featureItem.id }, CLAIMS.townshipA)).toBeNull();
    expect(await db.call('item_detail', { item_id: featureItem.id }, CLAIMS.townshipB)).not.toBeNull();
  });

  it('refuses edits of fields a function does not change, and edits a task by its version', async () => {
    await expect(
      db.call(
        'update_feature',
        { feature_id: 'station-1324A', base_version: 1, changes: { kind: 'mine' } as never },
        CLAIMS.planner,
      ),
    ).rejects.toMatchObject({ code: 'invalid_changes' });
    const task = (await db.call('task_features', { task_id: 'task-huiji-2017-air-35' }, CLAIMS.planner))!
      .task;
    const edited = await db.call(
      'update_task',
      {
        task_id: task.id,
        base_version: task.version,
        changes: { title: '加强监测站点周边管控', deadlines: ['2017-12-31'] },
      },
      CLAIMS.planner,
    );
    expect(edited).toMatchObject({
      title: '加强监测站点周边管控',
      deadlines: ['2017-12-31'],
      version: task.version + 1,
    });
    await expect(
      db.call(
        'update_task',
        { task_id: task.id, base_version: task.version, changes: { title: '旧' } },
        CLAIMS.planner,
      ),
    ).rejects.toMatchObject({ code: 'stale_version', detail: { title: '加强监测站点周边管控' } });
    await expect(
      db.call(
        'update_task',
        { task_id: task.id, base_version: edited.version, changes: { status: 'closed' } as never },
        CLAIMS.planner,
      ),
    ).rejects.toMatchObject({ code: 'invalid_changes' });
    await expect(
      db.call(
        'update_task',
        { task_id: task.id, base_version: edited.version, changes: { title: 'x' } },
        CLAIMS.command,
      ),
    ).rejects.toMatchObject({ code: 'permission_denied' });
  });

  it('replays every row from its history', async () => {
    const feature = await db.call('feature_detail', { feature_id: 'station-1324A' });
    const edited = await db.call(
      'update_feature',
      {
        feature_id: 'station-1324A',
        base_version: 1,
        changes: { properties: { ...feature!.properties.attributes, note: '复核' } },
      },
      CLAIMS.planner,
    );
    await expect(
      db.call(
        'update_feature',
        { feature_id: 'station-1324A', base_version: 1, changes: { name: '旧' } },
        CLAIMS.planner,
      ),
    ).rejects.toMatchObject({ code: 'stale_version', detail: { version: edited.version, name: '岗李水库' } });
    // Changes to the other tables, so that every one of them has history to replay.
    await db.call(
      'link_feature_to_task',
      { feature_id: 'station-1324A', task_id: 'task-huiji-2017-air-3' },
      CLAIMS.planner,
    );
    await db.query(
      `insert into public.task_units (task_id, unit_id, role, name_as_printed)
       values ('task-huiji-2017-air-3', 'unit-410108-001', 'cooperating', '区发改统计局')`,
    );
    await db.query(
      "update public.task_units set name_as_printed = '区发改委' where task_id = 'task-huiji-2017-air-3' and role = 'cooperating'",
    );
    for (const table of ['features', 'tasks', 'work_items', 'task_units', 'feature_tasks', 'memberships']) {
      const { rows } = await db.query<{ mismatches: number; rows: number }>(
        `with replayed as (
           select distinct on (row_key) row_key, new_row from public.history
           where table_name = $1 order by row_key, id desc
         ), current as (
           select ${table === 'task_units' ? "concat_ws('|', task_id, role, scope, unit_id)" : table === 'feature_tasks' ? "concat_ws('|', feature_id, task_id)" : table === 'memberships' ? 'user_id::text' : 'id::text'} as row_key,
             to_jsonb(t) as row from public.${table} t
         )
         select count(*) filter (where r.new_row is distinct from c.row)::int as mismatches, count(*)::int as rows
         from current c join replayed r using (row_key)`,
        [table],
      );
      expect(rows[0], table).toMatchObject({ mismatches: 0 });
      expect(rows[0]!.rows, table).toBeGreaterThan(0);
    }
  });
});

describe.runIf(targetNames().includes('pg15'))('concurrent edits on pg15', () => {
  let admin: DbTarget;
  const clients: pg.Client[] = [];
  beforeAll(async () => {
    admin = await openTarget('pg15');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await admin?.close();
  });

  it('lets exactly one of two racing updates win; the other gets the conflict and the current values', async () => {
    const url = new URL(process.env.TUZHANG_PG_URL!);
    url.pathname = `/${admin.database}`;
    for (let i = 0; i < 2; i++) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      clients.push(c);
    }
    const item = (
      await admin.call('work_items_list', { statuses: ['not_started'], limit_n: 1 }, CLAIMS.townshipA)
    ).items[0]!;
    const race = await Promise.allSettled(
      clients.map((c, i) =>
        callAsRole(pgSession(c), i === 0 ? CLAIMS.townshipA : CLAIMS.command, 'act_on_item', {
          item_id: item.id,
          action: 'report',
          base_version: item.version,
          note: `第${i + 1}个`,
        }),
      ),
    );
    const won = race.filter((r) => r.status === 'fulfilled');
    const lost = race.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<WorkItem>).value;
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'stale_version',
      detail: { version: item.version + 1, last_note: winner.last_note },
    });
    const detail = await admin.call('item_detail', { item_id: item.id }, CLAIMS.command);
    expect(detail!.events).toHaveLength(1);
  });
});
