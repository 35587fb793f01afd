// Shapes of what the API functions return (supabase/migrations/*_create_map_api.sql). Plain
// data; both backends return exactly these.
import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import type { FeatureKind, LayerKind } from '../feature/kinds';

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface MapFeatureProps {
  id: string;
  kind: FeatureKind;
  name?: string;
  level?: string;
  sample?: boolean;
  /** Set on aggregated sources when a view holds more than max_features. */
  cluster?: boolean;
  count?: number;
}
export type MapFeature = Feature<Geometry, MapFeatureProps>;

export interface ControlZoneProps {
  id: string;
  kind: 'control_zone';
  station_id: string;
  name: string;
  radius_m: number;
}
export type ControlZone = Feature<Polygon, ControlZoneProps>;

export interface FeaturesInView extends FeatureCollection<Geometry, MapFeatureProps> {
  counts: Partial<Record<LayerKind, number>>;
  aggregated: boolean;
  max_features: number;
  zones?: FeatureCollection<Polygon, ControlZoneProps>;
}

export type UnitRole = 'lead' | 'cooperating' | 'responsible';
export const UNIT_ROLES: readonly UnitRole[] = ['lead', 'cooperating', 'responsible'];

export interface TaskUnit {
  id: string;
  name: string;
  scope?: string;
}

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'closed';

export interface TaskSummary {
  id: string;
  number: string;
  title: string;
  section: string | null;
  deadlines: string[];
  deadline: string | null;
  status: TaskStatus;
  plan: { id: string; title: string; doc_number: string | null; year: number | null; region: string | null };
  units: Record<UnitRole, TaskUnit[]>;
  feature_count: number;
}

export interface FeatureDetailProps {
  id: string;
  kind: FeatureKind;
  name: string;
  sample: boolean;
  attributes: Record<string, unknown>;
  district: { code: string; name: string };
  township: { code: string; name: string } | null;
  unit: { id: string; name: string } | null;
  control_zone: ControlZone | null;
  tasks: TaskSummary[];
}
export interface FeatureDetail extends Feature<Geometry, FeatureDetailProps> {
  bbox: BBox;
}

export interface TaskFeatures extends Omit<FeatureCollection<Geometry, MapFeatureProps>, 'bbox'> {
  task: TaskSummary;
  bbox: BBox | null;
}

export interface SearchHit extends Feature<Geometry, MapFeatureProps> {
  bbox: BBox;
  township_name: string | null;
}
export interface SearchResult {
  type: 'FeatureCollection';
  query: string;
  features: SearchHit[];
}

export interface ZoneSourceProps {
  id: string;
  kind: FeatureKind;
  name: string;
  distance_m: number;
}
export interface ControlZoneSources extends FeatureCollection<Point, ZoneSourceProps> {
  station_id: string;
  radius_m: number;
  total: number;
  counts: Partial<Record<FeatureKind, number>>;
  truncated: boolean;
}
