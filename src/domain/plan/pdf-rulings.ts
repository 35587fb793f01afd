// The ruling lines of a PDF page: the straight, axis-aligned strokes and hairline fills a table's
// borders are drawn with, read off pdf.js's operator list. Writers draw them differently (Word and
// Chromium fill thin rectangles, others stroke lines or rectangles), so both become segments on the
// line's centre. Everything else drawn (curves, shading, clip paths, glyphs) is left out.

/** [a, b, c, d, e, f]: (x, y) ↦ (a·x + c·y + e, b·x + d·y + f), as in PDF. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix applying `inner` first, then `outer`. */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** An axis-aligned segment in page space (points, y up). */
export interface Ruling {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The operator codes read here: pdf.js's `OPS` (passed in, so this file needs no pdf.js). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js's path codes inside a constructPath (its `DrawOPS`). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CLOSE_PATH = 4;

/** A filled rectangle this thin (points) is a line: Word draws a 0.5 pt border as one. */
const HAIRLINE = 2.5;
/** How far from axis-aligned (points) a segment may be: writers round coordinates. */
const SLANT = 0.5;

type Point = [number, number];

/** The straight pieces of a path, each as its points (a closed one ends at its start); null on a curve. */
function subpaths(data: ArrayLike<number>, m: Matrix): { points: Point[]; closed: boolean }[] | null {
  const out: { points: Point[]; closed: boolean }[] = [];
  let current: { points: Point[]; closed: boolean } | null = null;
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE_TO || op === LINE_TO) {
      const point = apply(m, data[i++]!, data[i++]!);
      if (op === MOVE_TO || !current) out.push((current = { points: [], closed: false }));
      current.points.push(point);
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
      current = null;
      // A curve: no table border (rounded boxes, glyph outlines).
    } else return null;
  }
  return out;
}

function segment([x1, y1]: Point, [x2, y2]: Point): Ruling | null {
  const dx = Math.abs(x2 - x1);
  const dy = Math.abs(y2 - y1);
  if ((dx > SLANT && dy > SLANT) || dx + dy === 0) return null;
  return { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
}

/** The edges of a stroked piece. */
function strokedRulings({ points, closed }: { points: Point[]; closed: boolean }): Ruling[] {
  const ends = closed && points.length > 2 ? [...points, points[0]!] : points;
  return ends.slice(1).flatMap((p, i) => segment(ends[i]!, p) ?? []);
}

/** A filled piece that is a hairline rectangle (all edges axis-aligned): the line along its middle. */
function filledRuling({ points }: { points: Point[] }): Ruling | null {
  if (points.length < 2) return null;
  const ring = [...points, points[0]!];
  if (!ring.slice(1).every((p, i) => segment(ring[i]!, p) !== null || p.every((v, k) => v === ring[i]![k])))
    return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = right - left;
  const height = top - bottom;
  if (height <= HAIRLINE && width > height)
    return { x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 };
  if (width <= HAIRLINE && height > width)
    return { x1: (left + right) / 2, y1: bottom, x2: (left + right) / 2, y2: top };
  return null;
}

/**
 * The rulings drawn by one page's operators, in page space: `pageSpace` maps the page's user space
 * there (the identity for an unrotated page).
 */
export function pdfRulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: PathOps,
  pageSpace: Matrix = IDENTITY,
): Ruling[] {
  const strokes = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const stack: Matrix[] = [];
  let ctm = pageSpace;
  const rulings: Ruling[] = [];
  for (let n = 0; n < fnArray.length; n++) {
    const fn = fnArray[n];
    const args = argsArray[n] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = compose(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix) ctm = compose(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!strokes.has(paint) && !fills.has(paint))) continue;
      const pieces = subpaths(data, ctm);
      if (!pieces) continue;
      for (const piece of pieces) {
        if (strokes.has(paint)) rulings.push(...strokedRulings(piece));
        else {
          const ruling = filledRuling(piece);
          if (ruling) rulings.push(ruling);
        }
      }
    }
  }
  return rulings;
}
