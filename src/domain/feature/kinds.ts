// The kinds of map features. The database checks the same list (features.kind); SOURCE_KINDS and
// AREA_KINDS mirror private.source_kinds() and private.area_kinds(); a database test compares them.

export const FEATURE_KINDS = [
  'station',
  'truck_restriction',
  'coal_ban_zone',
  'sewage_outlet',
  'mine',
  'enterprise',
  'construction_site',
  'restaurant',
  'coal_yard',
  'bare_soil',
] as const;

export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** Layers the map draws: the stored kinds plus the derived 1 km control zones of stations. */
export type LayerKind = FeatureKind | 'control_zone';

/** Kinds counted as pollution sources inside a station's control zone. */
export const SOURCE_KINDS = [
  'enterprise',
  'construction_site',
  'restaurant',
  'coal_yard',
  'bare_soil',
  'sewage_outlet',
  'mine',
] as const satisfies readonly FeatureKind[];

/** Kinds whose geometry is an area; every other kind is a point. */
export const AREA_KINDS = [
  'truck_restriction',
  'coal_ban_zone',
  'mine',
] as const satisfies readonly FeatureKind[];

export const STATION_LEVELS = ['国控', '省控', '市控', '区控'] as const;
export type StationLevel = (typeof STATION_LEVELS)[number];

export function isFeatureKind(value: unknown): value is FeatureKind {
  return typeof value === 'string' && (FEATURE_KINDS as readonly string[]).includes(value);
}

export function isAreaKind(kind: FeatureKind): boolean {
  return (AREA_KINDS as readonly string[]).includes(kind);
}

/** Readable, stable feature ids: `station-1324A`, `mine-SB001`. */
export const FEATURE_ID_PATTERN = /^[a-z_]+-[A-Za-z0-9_-]+$/;
