// The map API functions on both databases, with the same assertions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_KINDS, FEATURE_KINDS, SOURCE_KINDS } from '../../src/domain/feature/kinds';
import { migrations } from '../../src/data/schema';
import { anonymous, openTarget, signedIn, targetNames, townshipUser, type DbTarget } from './targets';

describe.each(targetNames())('map API on %s', (name) => {
  let db: DbTarget;
  beforeAll(async () => {
    db = await openTarget(name);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('has every migration recorded', async () => {
    const { rows } = await db.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by version',
    );
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  it('reports features.geom to GIS clients as a generic 4326 geometry column', async () => {
    const { rows } = await db.query<{ type: string; srid: number }>(
      "select type, srid from extensions.geometry_columns where f_table_name = 'features'",
    );
    expect(rows).toEqual([{ type: 'GEOMETRY', srid: 4326 }]);
  });

  it('keeps the kind lists of SQL and TypeScript in step', async () => {
    const { rows } = await db.query<{ sources: string[]; areas: string[] }>(
      'select private.source_kinds() as sources, private.area_kinds() as areas',
    );
    expect(rows[0]!.sources).toEqual([...SOURCE_KINDS]);
    expect(rows[0]!.areas).toEqual([...AREA_KINDS]);
    const kinds = await db.query<{ kind: string }>('select distinct kind from public.features order by kind');
    expect(kinds.rows.map((r) => r.kind)).toEqual([...FEATURE_KINDS].sort());
  });

  it('draws the three districts with their stations and derived control zones', async () => {
    const view = await db.call('features_in_view', {
      min_lon: 112,
      min_lat: 33,
      max_lon: 114.5,
      max_lat: 35.5,
    });
    expect(view.type).toBe('FeatureCollection');
    expect(view.aggregated).toBe(false);
    const total = Object.values(view.counts).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBe(view.features.length);
    expect(total).toBeGreaterThan(3000);
    const stations = view.features.filter((f) => f.properties.kind === 'station').map((f) => f.id);
    expect(stations).toEqual(expect.arrayContaining(['station-1324A', 'station-3471A', 'station-1832A']));
    expect(view.zones!.features.map((z) => z.properties.station_id).sort()).toEqual([...stations].sort());
    const zone = view.zones!.features.find((z) => z.properties.station_id === 'station-1324A')!;
    expect(zone.geometry.type).toBe('Polygon');
    // The zone is the 1 km geodesic buffer: its north edge lies ≈ 1000 m / 111 km north of the station.
    const maxLat = Math.max(...zone.geometry.coordinates[0]!.map((c) => c[1]!));
    expect(maxLat - 34.91089).toBeCloseTo(1000 / 110_950, 3);
  });

  it('filters by kind and leaves zones out when stations are not asked for', async () => {
    const view = await db.call('features_in_view', {
      min_lon: 112,
      min_lat: 33,
      max_lon: 114.5,
      max_lat: 35.5,
      kinds: ['mine'],
    });
    expect(new Set(view.features.map((f) => f.properties.kind))).toEqual(new Set(['mine']));
    expect(view.counts).toEqual({ mine: 12 });
    expect(view.zones).toBeUndefined();
  });

  it('rejects a bad bounding box with a reason code', async () => {
    await expect(
      db.call('features_in_view', { min_lon: 114, min_lat: 33, max_lon: 113, max_lat: 35 }),
    ).rejects.toMatchObject({
      code: 'invalid_bbox',
    });
    await expect(
      db.call('features_in_view', { min_lon: Number.NaN, min_lat: 33, max_lon: 113, max_lat: 35 }),
    ).rejects.toMatchObject({ code: 'invalid_bbox' });
  });

  it('aggregates sources beyond max_features and keeps counts exact', async () => {
    await db.exec(`
      insert into public.features (id, kind, name, geom, district_code, is_sample)
      select 'restaurant-T' || g, 'restaurant', '测试餐馆' || g,
        extensions.st_setsrid(extensions.st_makepoint(113.70 + (g % 100) * 0.0005, 34.93 + (g / 100) * 0.0005), 4326),
        '410108', true
      from generate_series(1, 6000) g`);
    const box = { min_lon: 113.69, min_lat: 34.925, max_lon: 113.76, max_lat: 34.965 };
    const view = await db.call('features_in_view', box);
    expect(view.aggregated).toBe(true);
    expect(view.features.length).toBeLessThanOrEqual(view.max_features);
    const clustered = view.features
      .filter((f) => f.properties.kind === 'restaurant')
      .reduce((n, f) => n + (f.properties.count ?? 1), 0);
    expect(clustered).toBe(view.counts.restaurant);
    expect(view.counts.restaurant).toBeGreaterThanOrEqual(6000);
    await db.exec("delete from public.features where id like 'restaurant-T%'");
  });

  it('details 岗李水库 with its plan tasks and their units', async () => {
    const detail = await db.call('feature_detail', { feature_id: 'station-1324A' });
    expect(detail).not.toBeNull();
    const p = detail!.properties;
    expect(p.name).toBe('岗李水库');
    expect(p.kind).toBe('station');
    expect(p.attributes).toMatchObject({ code: '1324A', level: '国控' });
    expect(p.district.name).toBe('惠济区');
    expect(p.township?.name).toBeTruthy();
    expect(p.unit?.name).toBe('区环保局');
    expect(p.control_zone?.geometry.type).toBe('Polygon');
    expect(p.tasks.length).toBeGreaterThan(0);
    const task = p.tasks[0]!;
    expect(task.plan.doc_number).toBe('惠政〔2017〕2号');
    expect(task.units.lead.map((u) => u.name)).toContain('区环保局');
    expect(task.units.responsible.map((u) => u.name)).toContain('各镇（街道）');
  });

  it('returns null for an unknown feature', async () => {
    expect(await db.call('feature_detail', { feature_id: 'station-NOPE' })).toBeNull();
  });

  it('finds features by Chinese name, exact matches first', async () => {
    for (const q of ['新华旅馆', '岗李水库', ' 岗李 ']) {
      const result = await db.call('search_features', { q });
      expect(result.features[0]?.properties.kind).toBe('station');
    }
    expect((await db.call('search_features', { q: '1324A' })).features[0]?.id).toBe('station-1324A');
    expect((await db.call('search_features', { q: '   ' })).features).toEqual([]);
    expect((await db.call('search_features', { q: '餐' })).features.length).toBe(20);
  });

  it('lists the features of a task with their bounding box', async () => {
    const outlets = await db.call('task_features', { task_id: 'task-weidong-2021-60day-22' });
    expect(outlets!.task.title).toContain('入河排污口');
    expect(outlets!.features.length).toBe(16);
    expect(outlets!.features.every((f) => f.properties.kind === 'sewage_outlet')).toBe(true);
    const [minLon, minLat, maxLon, maxLat] = outlets!.bbox!;
    expect(minLon).toBeLessThan(maxLon);
    expect(minLat).toBeLessThan(maxLat);
    const mines = await db.call('task_features', { task_id: 'task-songbiao-2019-air-13' });
    expect(mines!.features.map((f) => f.properties.kind)).toEqual(Array(12).fill('mine'));
    expect(await db.call('task_features', { task_id: 'task-none-1' })).toBeNull();
  });

  it('counts the sources inside a control zone exactly at its edge', async () => {
    // Two sources due east of 岗李水库 at 990 m and 1010 m (geodesic).
    await db.exec(`
      insert into public.features (id, kind, name, geom, district_code, is_sample)
      select 'enterprise-EDGE' || d, 'enterprise', '边界测试企业' || d,
        extensions.st_project(s.geom::extensions.geography, d, radians(90))::extensions.geometry, '410108', true
      from public.features s, (values (990), (1010)) v(d)
      where s.id = 'station-1324A'`);
    const zone = await db.call('sources_in_control_zone', { station_id: 'station-1324A' });
    const ids = zone!.features.map((f) => f.id);
    expect(ids).toContain('enterprise-EDGE990');
    expect(ids).not.toContain('enterprise-EDGE1010');
    const brute = await db.query<{ kind: string; n: number }>(`
      select f.kind, count(*)::int as n from public.features f, public.features s
      where s.id = 'station-1324A' and f.kind = any (private.source_kinds())
        and extensions.st_distance(f.geom::extensions.geography, s.geom::extensions.geography) <= 1000
      group by f.kind`);
    expect(zone!.counts).toEqual(Object.fromEntries(brute.rows.map((r) => [r.kind, r.n])));
    expect(zone!.total).toBe(brute.rows.reduce((a, r) => a + r.n, 0));
    const wider = await db.call('sources_in_control_zone', { station_id: 'station-1324A', radius_m: 1100 });
    expect(wider!.features.map((f) => f.id)).toContain('enterprise-EDGE1010');
    await db.exec("delete from public.features where id like 'enterprise-EDGE%'");
    await expect(
      db.call('sources_in_control_zone', { station_id: 'station-1324A', radius_m: 0 }),
    ).rejects.toMatchObject({ code: 'invalid_radius' });
    expect(await db.call('sources_in_control_zone', { station_id: 'enterprise-HJ0001' })).toBeNull();
  });

  // As the signed-in caller, not as the superuser: RLS policies can keep the planner from using
  // the GIST index for PostGIS operators (they are not leakproof), which only shows with RLS on.
  it.each([
    ['planner', signedIn],
    ['township', townshipUser],
  ] as const)(
    'answers box and control-zone queries of a %s from the spatial index',
    async (_role, claims) => {
      await db.exec("load 'auto_explain'");
      await db.exec(`
      set auto_explain.log_min_duration = 0;
      set auto_explain.log_nested_statements = on;
      set auto_explain.log_level = notice;
      set auto_explain.log_format = text;`);
      db.takeNotices();
      await db.call('sources_in_control_zone', { station_id: 'station-1324A' }, claims);
      const zonePlans = db.takeNotices().join('\n');
      await db.call(
        'features_in_view',
        { min_lon: 113.505, min_lat: 34.901, max_lon: 113.525, max_lat: 34.921 },
        claims,
      );
      const viewPlans = db.takeNotices().join('\n');
      await db.exec('reset auto_explain.log_min_duration');
      expect(zonePlans).toMatch(/features_geom_idx/);
      expect(zonePlans).toMatch(/st_dwithin/i);
      expect(zonePlans).not.toMatch(/Seq Scan on features/);
      expect(viewPlans).toMatch(/features_geom_idx/);
      expect(viewPlans).not.toMatch(/Seq Scan on features/);
    },
  );

  it('shows nothing to anonymous callers', async () => {
    await expect(
      db.call('features_in_view', { min_lon: 112, min_lat: 33, max_lon: 114.5, max_lat: 35.5 }, anonymous),
    ).rejects.toMatchObject({ code: 'permission_denied' });
    await expect(db.call('feature_detail', { feature_id: 'station-1324A' }, anonymous)).rejects.toMatchObject(
      {
        code: 'permission_denied',
      },
    );
  });
});
