import type { Geometry } from 'geojson';
import { point, polygon, square } from '../../../tests/fixtures/geometry';
import { describe, expect, it } from 'vitest';
import { AREA_KINDS, FEATURE_KINDS, isAreaKind, type FeatureKind } from './kinds';
import { validateFeature, type FeatureDraft, type FeatureInvalidReason } from './feature-validation';

const multiPolygon = (): Geometry => ({
  type: 'MultiPolygon',
  coordinates: [[square(113.6, 34.8)], [square(113.7, 34.9)]],
});

function draft(overrides: Partial<FeatureDraft> = {}): FeatureDraft {
  return {
    id: 'station-1324A',
    kind: 'station',
    name: '岗李水库',
    geometry: point(113.51488, 34.91089),
    ...overrides,
  };
}
const mine = (overrides: Partial<FeatureDraft> = {}): FeatureDraft =>
  draft({
    id: 'mine-SB001',
    kind: 'mine',
    name: '送表矿区露天矿1号',
    geometry: polygon(112.9, 34.3),
    ...overrides,
  });
/** A draft of any kind with the geometry that kind wants. */
const ofKind = (kind: FeatureKind): FeatureDraft =>
  draft({ id: `${kind}-T001`, kind, name: `测试${kind}`, geometry: isAreaKind(kind) ? polygon() : point() });

function reasonOf(d: FeatureDraft): FeatureInvalidReason | null {
  const result = validateFeature(d);
  return result.ok ? null : result.reason;
}

describe('validateFeature', () => {
  it('accepts a real station and a mine drawn as a polygon or multipolygon', () => {
    expect(validateFeature(draft())).toEqual({ ok: true });
    expect(validateFeature(mine())).toEqual({ ok: true });
    expect(validateFeature(mine({ geometry: multiPolygon() }))).toEqual({ ok: true });
  });

  it.each(FEATURE_KINDS.map((k) => [k]))('accepts %s with the geometry its kind wants', (kind) => {
    expect(reasonOf(ofKind(kind))).toBeNull();
  });

  describe('bad_id', () => {
    it.each([
      [''],
      ['station'],
      ['station-'],
      ['-1324A'],
      ['Station-1324A'],
      ['1station-1'],
      ['station-1324A '],
      [' station-1324A'],
      ['station-1324A\n'],
      ['station-岗李'],
      ['station-13.24'],
      ['station-ａ1'],
      ['station:1324A'],
    ])('rejects id %j', (id) => {
      expect(reasonOf(draft({ id }))).toBe('bad_id');
    });

    it.each([['station-1324A'], ['truck_restriction-WD01'], ['coal_ban_zone-x_y-z'], ['a-B']])(
      'accepts id %j',
      (id) => {
        expect(reasonOf(draft({ id }))).toBeNull();
      },
    );

    it('checks the id before anything else', () => {
      expect(reasonOf(draft({ id: 'bad id', kind: 'nope', name: '' }))).toBe('bad_id');
    });
  });

  describe('bad_kind', () => {
    it.each([[''], ['Station'], ['control_zone'], ['zone'], ['station '], ['toString']])(
      'rejects kind %j',
      (kind) => {
        expect(reasonOf(draft({ kind }))).toBe('bad_kind');
      },
    );

    it('checks the kind before the name and the geometry', () => {
      expect(reasonOf(draft({ kind: 'lake', name: '', geometry: polygon() }))).toBe('bad_kind');
    });
  });

  describe('empty_name', () => {
    it.each([[''], [' '], ['      ']])('rejects name %j', (name) => {
      expect(reasonOf(draft({ name }))).toBe('empty_name');
    });

    it('trims spaces around a name the way btrim() does in the check constraint', () => {
      expect(reasonOf(draft({ name: '  岗李水库  ' }))).toBeNull();
    });
  });

  describe('name_too_long', () => {
    it('allows 200 characters and rejects 201', () => {
      expect(reasonOf(draft({ name: '站'.repeat(200) }))).toBeNull();
      expect(reasonOf(draft({ name: '站'.repeat(201) }))).toBe('name_too_long');
      expect(reasonOf(draft({ name: 'a'.repeat(201) }))).toBe('name_too_long');
    });

    it('counts characters (code points), not UTF-16 units, as length() does in PostgreSQL', () => {
      // U+20000 is one character but two UTF-16 units.
      expect('𠀀'.repeat(200).length).toBe(400);
      expect(reasonOf(draft({ name: '𠀀'.repeat(200) }))).toBeNull();
      expect(reasonOf(draft({ name: '𠀀'.repeat(201) }))).toBe('name_too_long');
    });

    it('measures the trimmed name', () => {
      expect(reasonOf(draft({ name: `  ${'站'.repeat(200)}  ` }))).toBeNull();
    });
  });

  describe('geometry_kind_mismatch', () => {
    it('rejects a point for a mine and for every other area kind', () => {
      expect(reasonOf(mine({ geometry: point() }))).toBe('geometry_kind_mismatch');
      for (const kind of AREA_KINDS) {
        expect(reasonOf({ ...ofKind(kind), geometry: point() }), kind).toBe('geometry_kind_mismatch');
      }
    });

    it('rejects a polygon for a station and for every point kind', () => {
      expect(reasonOf(draft({ geometry: polygon() }))).toBe('geometry_kind_mismatch');
      for (const kind of FEATURE_KINDS.filter((k) => !isAreaKind(k))) {
        expect(reasonOf({ ...ofKind(kind), geometry: polygon() }), kind).toBe('geometry_kind_mismatch');
        expect(reasonOf({ ...ofKind(kind), geometry: multiPolygon() }), kind).toBe('geometry_kind_mismatch');
      }
    });

    it.each<[string, Geometry]>([
      ['MultiPoint', { type: 'MultiPoint', coordinates: [[113.6, 34.8]] }],
      [
        'LineString',
        {
          type: 'LineString',
          coordinates: [
            [113.6, 34.8],
            [113.7, 34.9],
          ],
        },
      ],
      [
        'GeometryCollection',
        { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [113.6, 34.8] }] },
      ],
    ])('rejects a %s for a station and for a mine', (_type, geometry) => {
      expect(reasonOf(draft({ geometry }))).toBe('geometry_kind_mismatch');
      expect(reasonOf(mine({ geometry }))).toBe('geometry_kind_mismatch');
    });
  });

  describe('empty_geometry', () => {
    it('rejects polygons and multipolygons without coordinates', () => {
      expect(reasonOf(mine({ geometry: { type: 'Polygon', coordinates: [] } }))).toBe('empty_geometry');
      expect(reasonOf(mine({ geometry: { type: 'Polygon', coordinates: [[]] } }))).toBe('empty_geometry');
      expect(reasonOf(mine({ geometry: { type: 'MultiPolygon', coordinates: [] } }))).toBe('empty_geometry');
    });

    it('rejects a point without coordinates (PostGIS reads it as POINT EMPTY)', () => {
      expect(reasonOf(draft({ geometry: { type: 'Point', coordinates: [] } }))).toBe('empty_geometry');
    });
  });

  describe('invalid_geometry', () => {
    const ring = (...corners: [number, number][]): Geometry => ({ type: 'Polygon', coordinates: [corners] });

    it('rejects an outline whose edges cross (a bow tie)', () => {
      const bowtie = ring([113.6, 34.85], [113.61, 34.86], [113.61, 34.85], [113.6, 34.86], [113.6, 34.85]);
      expect(reasonOf(mine({ geometry: bowtie }))).toBe('invalid_geometry');
    });

    it('rejects a ring that is not closed, and one of fewer than three corners', () => {
      expect(reasonOf(mine({ geometry: { type: 'Polygon', coordinates: [square().slice(0, 4)] } }))).toBe(
        'invalid_geometry',
      );
      expect(reasonOf(mine({ geometry: ring([113.6, 34.85], [113.61, 34.86], [113.6, 34.85]) }))).toBe(
        'invalid_geometry',
      );
    });

    it('rejects a multipolygon with one crossing part and accepts a drawn triangle', () => {
      const crossing = [
        [113.7, 34.9],
        [113.71, 34.91],
        [113.71, 34.9],
        [113.7, 34.91],
        [113.7, 34.9],
      ];
      expect(
        reasonOf(mine({ geometry: { type: 'MultiPolygon', coordinates: [[square()], [crossing]] } })),
      ).toBe('invalid_geometry');
      expect(
        validateFeature(
          mine({ geometry: ring([113.6, 34.85], [113.61, 34.85], [113.6, 34.86], [113.6, 34.85]) }),
        ),
      ).toEqual({ ok: true });
    });
  });

  describe('coordinates_out_of_range', () => {
    it.each([
      [180.000001, 34.8],
      [-180.5, 34.8],
      [113.6, 90.000001],
      [113.6, -91],
      // Latitude and longitude swapped into a place that does not exist.
      [34.8, 113.6],
      [Number.NaN, 34.8],
      [113.6, Number.POSITIVE_INFINITY],
    ])('rejects a point at [%s, %s]', (lon, lat) => {
      expect(reasonOf(draft({ geometry: point(lon, lat) }))).toBe('coordinates_out_of_range');
    });

    it('rejects a position without a latitude', () => {
      expect(reasonOf(draft({ geometry: { type: 'Point', coordinates: [113.6] } }))).toBe(
        'coordinates_out_of_range',
      );
    });

    it('rejects a position with a height, which the two-dimensional column refuses', () => {
      expect(reasonOf(draft({ geometry: { type: 'Point', coordinates: [113.6, 34.8, 120] } }))).toBe(
        'coordinates_out_of_range',
      );
      const ring3d = square().map(([lon, lat]) => [lon!, lat!, 0]);
      expect(reasonOf(mine({ geometry: { type: 'Polygon', coordinates: [ring3d] } }))).toBe(
        'coordinates_out_of_range',
      );
    });

    it('rejects a polygon with one vertex out of range', () => {
      expect(reasonOf(mine({ geometry: polygon(179.995, 34.8, 0.01) }))).toBe('coordinates_out_of_range');
      const geometry: Geometry = {
        type: 'MultiPolygon',
        coordinates: [[square()], [square(113.6, 89.995, 0.01)]],
      };
      expect(reasonOf(mine({ geometry }))).toBe('coordinates_out_of_range');
    });

    it('accepts the edges of the range', () => {
      for (const [lon, lat] of [
        [180, 90],
        [-180, -90],
        [0, 0],
      ] as const) {
        expect(reasonOf(draft({ geometry: point(lon, lat) }))).toBeNull();
      }
    });
  });
});
