// A task table a sharing site printed one cell a line with no header: after a row's text (and its goal
// cell) come its units, one name a line, and the person answering for the row ("镇创卫办" / "各村(居、场)"
// / "林玉铭"); the next row's number follows. Those names are the row's responsible units.
import type { Line } from './normalize-text';
import { isUnitList, isUnitLike, splitUnits } from './unit-lines';

/** A person's name, or several: two or three characters each. */
const PERSON = /^[\u4e00-\u9fff]{2,3}(?:[、,][\u4e00-\u9fff]{2,3})*$/;

const isNameCell = (key: string) => key.length <= 40 && !/[。:;]/.test(key) && isUnitList(key);
const isPerson = (key: string) => PERSON.test(key) && !isUnitLike(key);

/**
 * The unit cells of such rows: the first line of each run maps to the run's names, its other lines
 * and the person's to null (read, and nothing more). A run counts only after a line of text, closed
 * by a person's name with a row's start (or the end) after it.
 */
export function unitCells(lines: Line[], isRowStart: (line: Line) => boolean): Map<Line, string[] | null> {
  const cells = new Map<Line, string[] | null>();
  // From each person's name back over the names above it: few lines name persons.
  lines.forEach((person, end) => {
    const next = lines[end + 1];
    if (!isPerson(person.key) || (next && !isRowStart(next))) return;
    let i = end;
    while (i > 0 && isNameCell(lines[i - 1]!.key)) i--;
    if (i === end || i === 0 || cells.has(lines[i]!)) return;
    const run = lines.slice(i, end);
    cells.set(
      run[0]!,
      run.flatMap((l) => splitUnits(l.text, l.key)),
    );
    for (const l of [...run.slice(1), person]) cells.set(l, null);
  });
  return cells;
}
