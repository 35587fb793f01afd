// The tables of a PDF page, found from their ruling lines the way a reader sees a ruled table: the
// lines that cross each other make a grid, and a border missing inside the grid merges the slots on
// either side into one cell. A box with a single slot (a framed note) is not a table; neither are
// lone horizontal rules (a three-line table): pdf-unruled.ts finds a task table drawn so from its
// text.
import type { Ruling } from './pdf-rulings';

/** Points: borders drawn as two rectangles side by side, half-point offsets, rounding. */
const NEAR = 2;

/** One line of a grid: a horizontal one at y = at from x = from to x = to, or a vertical one. */
interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface CellBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TableGrid {
  /** Column borders, left to right. */
  xs: number[];
  /** Row borders, top to bottom (y decreasing). */
  ys: number[];
  /** slots[row][column]: the index in `cells` of the cell covering that slot. */
  slots: number[][];
  cells: CellBox[];
}

/** Rules on the same line that touch or overlap become one. */
function joined(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Rule[][] = [];
  for (const rule of sorted) {
    const line = lines.at(-1);
    if (line && rule.at - line[0]!.at <= NEAR) line.push(rule);
    else lines.push([rule]);
  }
  return lines.flatMap((line) => {
    const at = line.reduce((sum, r) => sum + r.at, 0) / line.length;
    const out: Rule[] = [];
    for (const rule of [...line].sort((a, b) => a.from - b.from)) {
      const last = out.at(-1);
      if (last && rule.from <= last.to + NEAR) last.to = Math.max(last.to, rule.to);
      else out.push({ at, from: rule.from, to: rule.to });
    }
    return out;
  });
}

function crosses(h: Rule, v: Rule): boolean {
  return v.at >= h.from - NEAR && v.at <= h.to + NEAR && h.at >= v.from - NEAR && h.at <= v.to + NEAR;
}

/** Positions within NEAR of each other, as one (their mean), ascending. */
function positions(values: number[]): number[] {
  const out: number[][] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const group = out.at(-1);
    if (group && v - group.at(-1)! <= NEAR) group.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function covered(rules: Rule[], at: number, point: number): boolean {
  return rules.some((r) => Math.abs(r.at - at) <= NEAR && r.from - NEAR <= point && point <= r.to + NEAR);
}

function grid(horizontal: Rule[], vertical: Rule[]): TableGrid | null {
  const xs = positions(vertical.map((r) => r.at));
  const ys = positions(horizontal.map((r) => r.at)).reverse();
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  if (rows < 1 || columns < 1 || rows * columns < 2) return null;
  // Slots joined where no border divides them, by flood fill.
  const slots = Array.from({ length: rows }, () => Array.from({ length: columns }, () => -1));
  const cells: CellBox[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (slots[r]![c]! >= 0) continue;
      const id = cells.length;
      const box: CellBox = { left: xs[c]!, right: xs[c + 1]!, top: ys[r]!, bottom: ys[r + 1]! };
      cells.push(box);
      const stack: [number, number][] = [[r, c]];
      slots[r]![c] = id;
      while (stack.length) {
        const [i, j] = stack.pop()!;
        box.left = Math.min(box.left, xs[j]!);
        box.right = Math.max(box.right, xs[j + 1]!);
        box.top = Math.max(box.top, ys[i]!);
        box.bottom = Math.min(box.bottom, ys[i + 1]!);
        const midY = (ys[i]! + ys[i + 1]!) / 2;
        const midX = (xs[j]! + xs[j + 1]!) / 2;
        const next: [number, number, boolean][] = [
          [i, j + 1, !covered(vertical, xs[j + 1]!, midY)],
          [i, j - 1, !covered(vertical, xs[j]!, midY)],
          [i + 1, j, !covered(horizontal, ys[i + 1]!, midX)],
          [i - 1, j, !covered(horizontal, ys[i]!, midX)],
        ];
        for (const [ni, nj, open] of next) {
          if (open && ni >= 0 && ni < rows && nj >= 0 && nj < columns && slots[ni]![nj]! < 0) {
            slots[ni]![nj] = id;
            stack.push([ni, nj]);
          }
        }
      }
    }
  }
  return cells.length >= 2 ? { xs, ys, slots, cells } : null;
}

/** The tables the rulings of one page draw, top to bottom as their lines first appear. */
export function findTables(rulings: readonly Ruling[]): TableGrid[] {
  const horizontal = joined(
    rulings
      .filter((r) => r.y2 - r.y1 <= NEAR && r.x2 - r.x1 > NEAR)
      .map((r) => ({ at: (r.y1 + r.y2) / 2, from: r.x1, to: r.x2 })),
  );
  const vertical = joined(
    rulings
      .filter((r) => r.x2 - r.x1 <= NEAR && r.y2 - r.y1 > NEAR)
      .map((r) => ({ at: (r.x1 + r.x2) / 2, from: r.y1, to: r.y2 })),
  );
  // Rules that cross belong to one table (union-find over horizontal ∪ vertical).
  const parent = [...horizontal, ...vertical].map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  horizontal.forEach((h, i) =>
    vertical.forEach((v, j) => {
      if (crosses(h, v)) parent[root(i)] = root(horizontal.length + j);
    }),
  );
  const groups = new Map<number, { horizontal: Rule[]; vertical: Rule[] }>();
  parent.forEach((_, i) => {
    const group = groups.get(root(i)) ?? { horizontal: [], vertical: [] };
    groups.set(root(i), group);
    if (i < horizontal.length) group.horizontal.push(horizontal[i]!);
    else group.vertical.push(vertical[i - horizontal.length]!);
  });
  return [...groups.values()]
    .flatMap((g) => grid(g.horizontal, g.vertical) ?? [])
    .sort((a, b) => b.ys[0]! - a.ys[0]!);
}

/** The cell holding a point, or null outside the table. */
export function cellAt(table: TableGrid, x: number, y: number): number | null {
  const { xs, ys } = table;
  if (x < xs[0]! || x > xs.at(-1)! || y > ys[0]! || y < ys.at(-1)!) return null;
  const column = Math.min(
    xs.findLastIndex((v) => v <= x),
    xs.length - 2,
  );
  const row = Math.min(
    ys.findLastIndex((v) => v >= y),
    ys.length - 2,
  );
  return table.slots[row]![column]!;
}
