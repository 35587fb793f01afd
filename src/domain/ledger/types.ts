// Shapes of what the API functions return (supabase/migrations/*_create_map_api.sql). Plain
// data; both backends return exactly these.
import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import type { FeatureKind, LayerKind } from '../feature/kinds';
import type { ItemAction, ItemStatus, MemberRole } from './item-status';

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

export type TaskStatus = ItemStatus;

export interface TaskSummary {
  id: string;
  number: string;
  title: string;
  section: string | null;
  deadlines: string[];
  deadline: string | null;
  /** Follows the task's work items (as far as the caller sees them). */
  status: TaskStatus;
  version: number;
  items: { total: number; overdue: number; counts: Partial<Record<ItemStatus, number>> };
  plan: { id: string; title: string; doc_number: string | null; year: number | null; region: string | null };
  units: Record<UnitRole, TaskUnit[]>;
  feature_count: number;
}

export interface FeatureDetailProps {
  id: string;
  kind: FeatureKind;
  name: string;
  sample: boolean;
  /** The version an edit (update_feature) is based on. */
  version: number;
  updated_at: string;
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

/** whoami: the caller's membership (null for a signed-in user without one). */
export interface Membership {
  user_id: string;
  role: MemberRole;
  display_name: string;
  township: { code: string; name: string; district_code: string } | null;
  district: { code: string; name: string } | null;
  /** The extent of the township's features or of the viewer's district; null for the rest. */
  bbox: BBox | null;
}

/** A work item (对账销号): a task assigned to a township or unit, or a feature a task concerns. */
export interface WorkItem {
  id: string;
  status: ItemStatus;
  version: number;
  deadline: string | null;
  overdue: boolean;
  district_code: string;
  task: {
    id: string;
    number: string;
    title: string;
    plan: { id: string; title: string; doc_number: string | null };
  };
  township: { code: string; name: string } | null;
  unit: { id: string; name: string } | null;
  feature: { id: string; name: string; kind: FeatureKind } | null;
  last_note: string | null;
  last_actor_name: string | null;
  last_event_at: string | null;
}

export interface WorkItemList {
  total: number;
  overdue: number;
  counts: Partial<Record<ItemStatus, number>>;
  items: WorkItem[];
}

export interface EvidenceMeta {
  id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  taken_at: string | null;
  location: [lon: number, lat: number] | null;
}

export interface WorkItemEvent {
  id: string;
  at: string;
  action: ItemAction;
  from_status: ItemStatus;
  to_status: ItemStatus;
  note: string | null;
  actor_name: string | null;
  evidence: EvidenceMeta[];
}

export interface WorkItemDetail extends WorkItem {
  events: WorkItemEvent[];
}

/** What is known of a file besides its bytes: its name, type, when it was taken and where. */
export interface EvidenceFields {
  file_name: string;
  mime_type: string;
  taken_at?: string | null;
  lon?: number;
  lat?: number;
}

/** A file chosen to go with an action, before it is stored. */
export interface EvidenceDraft extends EvidenceFields {
  blob: Blob;
}

/**
 * A file to attach to an event, as act_on_item takes it: its bytes (the embedded database keeps
 * them), or where Storage keeps them once uploaded (Supabase).
 */
export type EvidenceUpload = EvidenceFields &
  ({ content_base64: string } | { storage_path: string; size_bytes: number });

/** One stored file, as evidence_file returns it: its bytes or its path in Storage, never both. */
export type EvidenceFile = { id: string; file_name: string; mime_type: string } & (
  { content_base64: string; storage_path: null } | { content_base64: null; storage_path: string }
);

export interface HistoryEntry {
  id: number;
  at: string;
  actor_name: string | null;
  table: string;
  op: 'insert' | 'update' | 'delete';
  row_key: string;
  task_id: string | null;
  feature_id: string | null;
  item_id: string | null;
  /** Changed fields: [old, new]; on insert old is absent, on delete new is. */
  changes: Record<string, [unknown, unknown]>;
}

/** A feature's editable values (update_feature's answer, and the current values of a conflict). */
export interface FeatureValues {
  id: string;
  version: number;
  updated_at: string;
  name: string;
  township_code: string | null;
  unit_id: string | null;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

/** districts_list: a district with its townships (镇/乡/街道). */
export interface DistrictEntry {
  code: string;
  name: string;
  townships: { code: string; name: string }[];
}
