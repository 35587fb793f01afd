// Planners correct features (name, township, unit, attributes, position or outline) through
// update_feature: the edit is based on the version feature_detail gives, lands in the history,
// and an edit the form would refuse is refused by the database with the same reason code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { polygon } from '../fixtures/geometry';
import { CLAIMS } from './actors';
import { openTarget, targetNames, type DbTarget } from './targets';

const STATION = 'station-1324A';

describe.each(targetNames())('feature edits on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  const detail = async (id: string) => (await db.call('feature_detail', { feature_id: id }, CLAIMS.planner))!;
  const edit = (id: string, base_version: number, changes: Record<string, unknown>) =>
    db.call('update_feature', { feature_id: id, base_version, changes }, CLAIMS.planner);

  it('edits by the version feature_detail gives, and the map and the history follow', async () => {
    const before = await detail(STATION);
    const [lon, lat] = (before.geometry as { coordinates: number[] }).coordinates as [number, number];
    const township = (await db.call('districts_list', {}, CLAIMS.planner))
      .find((d) => d.code === before.properties.district.code)!
      .townships.find((tw) => tw.code !== before.properties.township?.code)!;
    // Six decimals, as the map editor rounds a click and as feature_detail answers.
    const moved: Point = { type: 'Point', coordinates: [Math.round((lon + 0.001) * 1e6) / 1e6, lat] };
    const values = await edit(STATION, before.properties.version, {
      name: '  岗李水库站  ',
      township_code: township.code,
      properties: { ...before.properties.attributes, address: '岗李村北' },
      geometry: moved,
    });
    expect(values).toMatchObject({
      version: before.properties.version + 1,
      name: '岗李水库站',
      township_code: township.code,
      geometry: moved,
    });
    const after = await detail(STATION);
    expect(after.properties).toMatchObject({
      version: values.version,
      name: '岗李水库站',
      township: { code: township.code, name: township.name },
    });
    expect(after.properties.attributes.address).toBe('岗李村北');
    // The station's control zone is derived: it moved with the station.
    expect(after.properties.control_zone!.properties.station_id).toBe(STATION);
    const ring = (after.properties.control_zone!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const centre = [0, 1].map((i) => ring.slice(1).reduce((sum, p) => sum + p[i]!, 0) / (ring.length - 1));
    expect(centre[0]).toBeCloseTo(moved.coordinates[0]!, 4);
    expect(centre[1]).toBeCloseTo(lat, 4);
    expect(after.bbox[0]).toBeCloseTo(lon + 0.001, 6);
    const history = await db.call('history_of', { feature_id: STATION }, CLAIMS.planner);
    expect(history[0]).toMatchObject({ op: 'update', actor_name: expect.any(String) });
    expect(Object.keys(history[0]!.changes).sort()).toEqual(['geom', 'name', 'properties', 'township_code']);
  });

  it('refuses a stale edit with the values as they now stand', async () => {
    const current = await detail(STATION);
    await expect(edit(STATION, current.properties.version - 1, { name: '旧名' })).rejects.toMatchObject({
      code: 'stale_version',
      detail: { version: current.properties.version, name: current.properties.name },
    });
  });

  // One edit per reason the database names; the feature is unchanged after each.
  const mineId = async () =>
    (
      await db.query<{ id: string }>(
        `select id from public.features where kind = 'mine' and district_code = '410185' order by id limit 1`,
      )
    ).rows[0]!.id;
  it.each([
    ['an empty name', () => Promise.resolve(STATION), { name: '   ' }, 'empty_name'],
    ['a name of 201 characters', () => Promise.resolve(STATION), { name: '站'.repeat(201) }, 'name_too_long'],
    [
      'an outline for a station',
      () => Promise.resolve(STATION),
      { geometry: polygon(113.6, 34.85) },
      'geometry_kind_mismatch',
    ],
    [
      'a point far outside the district',
      () => Promise.resolve(STATION),
      { geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
      'outside_district',
    ],
    [
      'a township of another district',
      () => Promise.resolve(STATION),
      { township_code: '410185100' },
      'township_outside_district',
    ],
    [
      'a crossing outline for a mine',
      mineId,
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [113.0, 34.45],
              [113.01, 34.46],
              [113.01, 34.45],
              [113.0, 34.46],
              [113.0, 34.45],
            ],
          ],
        },
      },
      'invalid_geometry',
    ],
  ] as const)('refuses %s with its reason', async (_what, id, changes, reason) => {
    const featureId = await id();
    const before = await detail(featureId);
    await expect(edit(featureId, before.properties.version, changes)).rejects.toMatchObject({
      code: 'invalid_feature',
      detail: reason,
    });
    expect((await detail(featureId)).properties.version).toBe(before.properties.version);
  });

  it('keeps every seeded township inside its feature district (the check holds for old rows)', async () => {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.features f
       join public.townships tw on tw.code = f.township_code
       where tw.district_code <> f.district_code`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe.each(targetNames())('task edits on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });
  const TASK = 'task-huiji-2017-air-35';
  const current = async () => (await db.call('task_features', { task_id: TASK }, CLAIMS.planner))!.task;
  const edit = (base_version: number, changes: Record<string, unknown>) =>
    db.call('update_task', { task_id: TASK, base_version, changes }, CLAIMS.planner);

  it('refuses a blank number by its check, and a number another task of the plan has', async () => {
    const task = await current();
    await expect(edit(task.version, { number: '  ' })).rejects.toMatchObject({ code: 'invalid_changes' });
    await expect(edit(task.version, { number: '3' })).rejects.toMatchObject({ code: 'already_exists' });
    expect((await current()).version).toBe(task.version);
  });

  it('stores a corrected number, title and deadlines in date order', async () => {
    const task = await current();
    const edited = await edit(task.version, {
      number: '35-1',
      title: '站点周边道路保洁',
      deadlines: ['2017-12-31', '2017-06-30'],
    });
    expect(edited).toMatchObject({
      number: '35-1',
      title: '站点周边道路保洁',
      deadlines: ['2017-06-30', '2017-12-31'],
      deadline: '2017-06-30',
      version: task.version + 1,
    });
  });
});
