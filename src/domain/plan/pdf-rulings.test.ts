import { describe, expect, it } from 'vitest';
import { compose, pdfRulings, type Matrix, type PathOps } from './pdf-rulings';

// pdf.js's codes, as its OPS table has them.
const OPS: PathOps = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
};
const END_PATH = 28;
const [M, L, C, Z] = [0, 1, 2, 4];

/** A constructPath operator: the path painted by `paint`. */
const path = (paint: number, ...data: number[]): [number, unknown] => [
  OPS.constructPath,
  [paint, [new Float32Array(data)], null],
];
const rect = (x: number, y: number, w: number, h: number) => [
  M,
  x,
  y,
  L,
  x + w,
  y,
  L,
  x + w,
  y + h,
  L,
  x,
  y + h,
  Z,
];

function rulings(ops: [number, unknown][], pageSpace?: Matrix) {
  return pdfRulings(
    ops.map(([fn]) => fn),
    ops.map(([, args]) => args),
    OPS,
    pageSpace,
  );
}

describe('pdfRulings', () => {
  it('takes the edges of stroked lines and rectangles', () => {
    expect(
      rulings([path(OPS.stroke, M, 10, 20, L, 110, 20), path(OPS.closeStroke, ...rect(0, 0, 50, 30))]),
    ).toEqual([
      { x1: 10, y1: 20, x2: 110, y2: 20 },
      { x1: 0, y1: 0, x2: 50, y2: 0 },
      { x1: 50, y1: 0, x2: 50, y2: 30 },
      { x1: 0, y1: 30, x2: 50, y2: 30 },
      { x1: 0, y1: 0, x2: 0, y2: 30 },
    ]);
  });

  it('takes a filled hairline rectangle as the line along its middle, and nothing thicker', () => {
    expect(
      rulings([path(OPS.fill, ...rect(10, 99.75, 200, 0.5)), path(OPS.eoFill, ...rect(10, 100, 0.75, 300))]),
    ).toEqual([
      { x1: 10, y1: 100, x2: 210, y2: 100 },
      { x1: 10.375, y1: 100, x2: 10.375, y2: 400 },
    ]);
    // A shaded cell, a slanted stroke, a curve and a clip path are no rulings.
    expect(
      rulings([
        path(OPS.fill, ...rect(10, 100, 200, 20)),
        path(OPS.stroke, M, 0, 0, L, 100, 40),
        path(OPS.stroke, M, 0, 0, C, 10, 10, 20, 10, 30, 0),
        path(END_PATH, ...rect(0, 0, 595, 842)),
      ]),
    ).toEqual([]);
  });

  it('places rulings through the transforms in force, restored after each group', () => {
    const scale: Matrix = [0.75, 0, 0, 0.75, 0, 0];
    const flip: Matrix = [1, 0, 0, -1, 0, 842];
    const ops: [number, unknown][] = [
      [OPS.transform, flip],
      [OPS.save, null],
      [OPS.transform, scale],
      path(OPS.stroke, M, 0, 100, L, 400, 100),
      [OPS.restore, null],
      path(OPS.stroke, M, 0, 100, L, 400, 100),
      [
        OPS.paintFormXObjectBegin,
        [
          [1, 0, 0, 1, 50, 0],
          [0, 0, 10, 10],
        ],
      ],
      path(OPS.stroke, M, 0, 0, L, 0, 10),
      [OPS.paintFormXObjectEnd, null],
      path(OPS.stroke, M, 0, 0, L, 0, 10),
    ];
    expect(rulings(ops)).toEqual([
      { x1: 0, y1: 767, x2: 300, y2: 767 },
      { x1: 0, y1: 742, x2: 400, y2: 742 },
      { x1: 50, y1: 832, x2: 50, y2: 842 },
      { x1: 0, y1: 832, x2: 0, y2: 842 },
    ]);
    // The page's own space (a rotated page) applies to everything.
    const turn: Matrix = [0, 1, -1, 0, 842, 0];
    expect(rulings([path(OPS.stroke, M, 0, 0, L, 100, 0)], turn)).toEqual([
      { x1: 842, y1: 0, x2: 842, y2: 100 },
    ]);
  });

  it('composes matrices inner first', () => {
    expect(compose([2, 0, 0, 2, 0, 0], [1, 0, 0, 1, 5, 0])).toEqual([2, 0, 0, 2, 10, 0]);
    expect(compose([1, 0, 0, 1, 5, 0], [2, 0, 0, 2, 0, 0])).toEqual([2, 0, 0, 2, 5, 0]);
  });
});
