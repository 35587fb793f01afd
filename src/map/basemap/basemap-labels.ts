// Label positions for the offline basemap, from the bundled boundary data.
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import type { BasemapLabel } from '../layers/basemap-labels.layer';

export function basemapLabels(
  districts: FeatureCollection<MultiPolygon>,
  townships: FeatureCollection<Polygon | MultiPolygon>,
  river: FeatureCollection<LineString>,
  schematicSuffix: string,
): { major: BasemapLabel[]; townships: BasemapLabel[] } {
  const major: BasemapLabel[] = districts.features.map((f) => ({
    text: String(f.properties?.name ?? ''),
    position: (f.properties?.centroid ?? f.properties?.center) as [number, number],
    kind: 'district',
  }));
  for (const f of river.features) {
    const line = f.geometry.coordinates;
    const mid = line[Math.floor(line.length / 2)];
    if (mid)
      major.push({ text: String(f.properties?.name_zh ?? ''), position: [mid[0]!, mid[1]!], kind: 'river' });
  }
  const townshipLabels: BasemapLabel[] = townships.features.map((f) => {
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : f.geometry.coordinates[0]![0]!;
    // The mean of the outer ring's vertices sits well inside these compact shapes.
    const sum = ring.reduce((a, c) => [a[0]! + c[0]!, a[1]! + c[1]!], [0, 0]);
    return {
      text: `${String(f.properties?.name_zh_added ?? '')}${schematicSuffix}`,
      position: [sum[0]! / ring.length, sum[1]! / ring.length],
      kind: 'township',
    };
  });
  return { major, townships: townshipLabels };
}
