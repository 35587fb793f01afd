import { describe, expect, it } from 'vitest';
import { validateFeature } from './feature-validation';
import { addVertex, draftGeometry, startDraft, undoVertex } from './geometry-draft';

describe('geometry draft', () => {
  it('a point takes the last click, rounded to six decimals', () => {
    let d = startDraft('point');
    expect(draftGeometry(d)).toBeNull();
    d = addVertex(d, [113.1234567, 34.9]);
    d = addVertex(d, [113.51488049, 34.910894449]);
    expect(draftGeometry(d)).toEqual({ type: 'Point', coordinates: [113.51488, 34.910894] });
  });

  it('an outline closes itself from its third corner on, and undo takes the last corner back', () => {
    let d = startDraft('area');
    d = addVertex(d, [113.6, 34.85]);
    d = addVertex(d, [113.61, 34.85]);
    expect(draftGeometry(d)).toBeNull();
    d = addVertex(d, [113.61, 34.86]);
    expect(draftGeometry(d)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [113.6, 34.85],
          [113.61, 34.85],
          [113.61, 34.86],
          [113.6, 34.85],
        ],
      ],
    });
    expect(draftGeometry(undoVertex(d))).toBeNull();
  });

  it('counts a double click as one corner', () => {
    let d = startDraft('area');
    d = addVertex(d, [113.6, 34.85]);
    d = addVertex(d, [113.6000001, 34.8500001]);
    expect(d.vertices).toHaveLength(1);
  });

  it('gives validateFeature a crossing outline to refuse', () => {
    let d = startDraft('area');
    for (const p of [
      [113.6, 34.85],
      [113.61, 34.86],
      [113.61, 34.85],
      [113.6, 34.86],
    ])
      d = addVertex(d, p);
    const draft = { id: 'mine-X1', kind: 'mine', name: '矿', geometry: draftGeometry(d)! };
    expect(validateFeature(draft)).toEqual({ ok: false, reason: 'invalid_geometry' });
  });
});
