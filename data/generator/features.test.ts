import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFeature } from '../../src/domain/feature/feature-validation';
import { FEATURE_ID_PATTERN, FEATURE_KINDS, SOURCE_KINDS } from '../../src/domain/feature/kinds';
import { buildSampleData, type FeatureRow, type SampleData } from './features';
import { buildLedger, type Ledger } from './ledger';

const dataDir = fileURLToPath(new URL('..', import.meta.url));
const REAL_STATIONS = ['1324A', '3471A', '1832A'];

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => seen.size === seen.add(v).size);
}

/** The national stations as published (data/geo/national_air_stations.csv). */
function publishedStation(code: string): { lon: number; lat: number } {
  const line = readFileSync(`${dataDir}/geo/national_air_stations.csv`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${code},`));
  if (!line) throw new Error(`no station ${code}`);
  const [, , , lon, lat] = line.split(',');
  return { lon: Number(lon), lat: Number(lat) };
}

describe('buildSampleData', () => {
  let ledger: Ledger;
  let sample: SampleData;
  let districtGeometry: Map<string, MultiPolygon>;
  beforeAll(() => {
    ledger = buildLedger(`${dataDir}/plans`);
    sample = buildSampleData(dataDir, ledger);
    districtGeometry = new Map(sample.districts.map((d) => [d.code, d.geometry]));
  });

  it('holds the three districts of the plans', () => {
    expect(sample.districts.map((d) => d.code).sort()).toEqual(['410108', '410185', '410403']);
  });

  it('gives every feature a unique id that matches FEATURE_ID_PATTERN', () => {
    const ids = sample.features.map((f) => f.id);
    expect(duplicates(ids)).toEqual([]);
    expect(ids.filter((id) => !FEATURE_ID_PATTERN.test(id))).toEqual([]);
  });

  it('passes validateFeature for every feature', () => {
    const invalid = sample.features
      .map((f) => ({ id: f.id, result: validateFeature(f) }))
      .filter((v) => !v.result.ok);
    expect(invalid).toEqual([]);
  });

  it('places every point inside its district', () => {
    const points = sample.features.filter((f) => f.geometry.type === 'Point');
    expect(points.length).toBeGreaterThan(4000);
    const outside = points
      .filter(
        (f) =>
          !turf.booleanPointInPolygon(
            f.geometry.coordinates as number[],
            districtGeometry.get(f.district_code)!,
          ),
      )
      .map((f) => f.id);
    expect(outside).toEqual([]);
  });

  /** Square metres of an area feature that lie outside its district. */
  function areaOutsideDistrict(f: FeatureRow): number {
    if (f.geometry.type === 'Point') throw new Error(`${f.id} is not an area`);
    const shape = turf.feature(f.geometry);
    const district = turf.feature(districtGeometry.get(f.district_code)!);
    const inside = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([shape, district]));
    return turf.area(shape) - (inside ? turf.area(inside) : 0);
  }

  it('clips the zones to their district (up to the 6-decimal rounding of the vertices)', () => {
    const zones = sample.features.filter((x) => x.kind === 'truck_restriction' || x.kind === 'coal_ban_zone');
    expect(zones).toHaveLength(4);
    // Vertices rounded to 1e-6° (≈ 0.1 m) may poke out by a few m² of areas of several km².
    for (const f of zones) expect(areaOutsideDistrict(f), f.id).toBeLessThan(10);
  });

  it('places every mine inside its district', () => {
    const mines = sample.features.filter((x) => x.kind === 'mine');
    expect(mines).toHaveLength(12);
    expect(mines.filter((f) => areaOutsideDistrict(f) > 10).map((f) => f.id)).toEqual([]);
  });

  it('gives a real feature a township only where a polygon places it', () => {
    const xinhua = sample.features.find((f) => f.id === 'station-1832A')!;
    expect(xinhua.township_code).toBeNull();
  });

  it('has several thousand pollution sources and every kind', () => {
    const sources = sample.features.filter((f) => (SOURCE_KINDS as readonly string[]).includes(f.kind));
    expect(sources.length).toBeGreaterThanOrEqual(3000);
    expect(sources.length).toBeLessThan(20000);
    expect(new Set(sample.features.map((f) => f.kind))).toEqual(new Set(FEATURE_KINDS));
  });

  it('holds the real national stations 1324A, 3471A and 1832A where they are published, not as sample', () => {
    for (const code of REAL_STATIONS) {
      const station = sample.features.find((f) => f.id === `station-${code}`);
      expect(station, code).toBeDefined();
      expect(station!.kind).toBe('station');
      expect(station!.is_sample).toBe(false);
      expect(station!.properties).toMatchObject({ code, level: '国控' });
      const { lon, lat } = publishedStation(code);
      expect(station!.geometry).toEqual({ type: 'Point', coordinates: [lon, lat] });
    }
    expect(sample.features.find((f) => f.id === 'station-1324A')!.name).toBe('岗李水库');
    expect(sample.features.find((f) => f.id === 'station-1832A')!.district_code).toBe('410403');
    // 1324A is a background station (对照点): flag_Y in the published list.
    expect(sample.features.find((f) => f.id === 'station-1324A')!.properties.control_point).toBe(true);
  });

  it('marks every other feature as sample', () => {
    const real = sample.features.filter((f) => !f.is_sample).map((f) => f.id);
    expect(real.sort()).toEqual(REAL_STATIONS.map((c) => `station-${c}`).sort());
  });

  it('leaves out national stations outside the three districts', () => {
    // 1316A 烟厂 is in 郑州's 中原区, not in 惠济区.
    expect(sample.features.some((f) => f.id === 'station-1316A')).toBe(false);
  });

  it('refers only to districts, townships, units and tasks that exist', () => {
    const townships = new Map(sample.townships.map((t) => [t.code, t.district_code]));
    const units = new Map(ledger.units.map((u) => [u.id, u.district_code]));
    for (const f of sample.features) {
      expect(districtGeometry.has(f.district_code), f.id).toBe(true);
      if (f.township_code !== null) expect(townships.get(f.township_code), f.id).toBe(f.district_code);
      if (f.unit_id !== null) expect(units.get(f.unit_id), f.id).toBe(f.district_code);
    }
    const featureIds = new Set(sample.features.map((f) => f.id));
    const taskIds = new Set(ledger.tasks.map((t) => t.id));
    expect(
      sample.featureTasks.filter((l) => !featureIds.has(l.feature_id) || !taskIds.has(l.task_id)),
    ).toEqual([]);
    expect(duplicates(sample.featureTasks.map((l) => `${l.feature_id}|${l.task_id}`))).toEqual([]);
  });

  it('links the sewage outlets and the mines to the tasks about them', () => {
    const linked = (task: string) =>
      sample.featureTasks.filter((l) => l.task_id === task).map((l) => l.feature_id.replace(/-.*/, ''));
    expect(linked('task-weidong-2021-60day-22')).toEqual(Array(16).fill('sewage_outlet'));
    expect(linked('task-songbiao-2019-air-13')).toEqual(Array(12).fill('mine'));
  });

  it('is deterministic for a seed and changes with it', () => {
    const again = buildSampleData(dataDir, ledger);
    expect(again).toEqual(sample);
    const other = buildSampleData(dataDir, ledger, 1);
    expect(other.features.map((f) => f.geometry)).not.toEqual(sample.features.map((f) => f.geometry));
    // The real stations do not depend on the seed.
    for (const code of REAL_STATIONS) {
      expect(other.features.find((f) => f.id === `station-${code}`)?.geometry).toEqual(
        sample.features.find((f) => f.id === `station-${code}`)?.geometry,
      );
    }
  });
});
