// A position or outline being drawn on the map by clicks: a point takes the last click, an
// outline collects corners in order and closes itself. Pure, so the map, the panel and the tests
// share one idea of what has been drawn.
import type { Geometry, Position } from 'geojson';

export type DraftMode = 'point' | 'area';

export interface GeometryDraft {
  mode: DraftMode;
  /** Corners in click order (one for a point), rounded to six decimals (about 0.1 m). */
  vertices: Position[];
}

/** An outline needs three corners. */
export const MIN_AREA_VERTICES = 3;

export const roundPosition = ([lon, lat]: Position): Position => [
  Math.round(lon! * 1e6) / 1e6,
  Math.round(lat! * 1e6) / 1e6,
];

export function startDraft(mode: DraftMode): GeometryDraft {
  return { mode, vertices: [] };
}

export function addVertex(draft: GeometryDraft, position: Position): GeometryDraft {
  const p = roundPosition(position);
  if (draft.mode === 'point') return { ...draft, vertices: [p] };
  // A double click lands twice on the same spot: one corner, not two.
  const last = draft.vertices.at(-1);
  if (last && last[0] === p[0] && last[1] === p[1]) return draft;
  return { ...draft, vertices: [...draft.vertices, p] };
}

export function undoVertex(draft: GeometryDraft): GeometryDraft {
  return { ...draft, vertices: draft.vertices.slice(0, -1) };
}

/** The geometry drawn so far, or null while it is not one yet. */
export function draftGeometry(draft: GeometryDraft): Geometry | null {
  if (draft.mode === 'point')
    return draft.vertices[0] ? { type: 'Point', coordinates: draft.vertices[0] } : null;
  if (draft.vertices.length < MIN_AREA_VERTICES) return null;
  return { type: 'Polygon', coordinates: [[...draft.vertices, draft.vertices[0]!]] };
}
