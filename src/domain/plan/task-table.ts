// A task table (重点任务清单, 任务分解表) as plan text the parser reads: one numbered task line per row
// ("3. 任务。措施。完成时限：…前。") followed by its 牵头单位/配合单位/责任单位 lines, and a （一） section
// line wherever the 类别 column changes. The table arrives as rows of cells with merged cells
// already expanded (every row has all its cells); a cell's paragraphs are separated by "\n".
import { asDeadline } from './deadlines';
import { readMarker } from './headings';
import { collapseSpaces, fold } from './normalize-text';
import { isUnitLike, roleOfLabel } from './unit-lines';

export type Column =
  | 'number'
  | 'category'
  | 'task'
  | 'measures'
  | 'lead'
  | 'cooperating'
  | 'responsible'
  | 'deadline'
  | 'remarks';

// Names are matched whole, folded, without spaces and without a bracketed or 及责任人 tail.
const COLUMN_NAMES: [Column, RegExp][] = [
  ['number', /^(?:序号|编号|序|项次|no\.?)$/i],
  [
    'category',
    /^(?:类别|类型|分类|任务类别|任务类型|重点领域|领域|工作领域|治理领域|专项|方面|板块|项目类别|行业|攻坚领域)$/,
  ],
  [
    'task',
    /^(?:工作任务|重点任务|主要任务|任务名称|任务|工作事项|事项|重点工作|重点工作内容|工作名称|项目名称|项目|项目内容|攻坚任务|治理任务|任务事项|试点任务|问题描述|存在问题|问题|问题清单|具体问题|发现问题|问题表现)$/,
  ],
  [
    'measures',
    /^(?:具体措施|工作措施|主要措施|细化措施|具体工作措施|措施|工作内容|任务内容|具体内容|主要内容|内容|工作要求|具体要求|要求|目标要求|工作目标|目标任务|具体任务|任务要求|完成标准|工作标准|治理措施|整治措施|整改措施|落实措施|推进措施|责任分解内容|分解内容|任务分解|具体工作|重点内容|建设内容|项目建设内容|建设内容及规模|建设规模及内容)$/,
  ],
  // Unit columns are named as unit labels are (unit-lines' roleOfLabel); these are the names beyond.
  ['lead', /^牵头$/],
  ['cooperating', /^配合$/],
  ['responsible', /^推进单位$/],
  [
    'deadline',
    /^(?:完成时限|完成时间|时间节点|时限|时间要求|完成期限|截止时间|时限要求|进度安排|时间安排|时间进度|进度要求|完成时限要求|办结时限|整改时限|完成年限|完成年度|建设年限)$/,
  ],
  // Kept as the task's last sentence: a 备注 often dates the work ("2004年上半年完成").
  ['remarks', /^(?:备注|说明)$/],
];

const UNIT_COLUMNS = ['lead', 'cooperating', 'responsible'] as const;

/** Whether a column holds units (牵头, 配合 or 责任). */
export const isUnitColumn = (column: Column | null): boolean => UNIT_COLUMNS.some((role) => role === column);
const UNIT_LABELS = { lead: '牵头单位', cooperating: '配合单位', responsible: '责任单位' } as const;
const CN_DIGITS = '一二三四五六七八九';

export interface TaskTableOptions {
  /**
   * Blank unit cells repeat the unit above. Only for tables without merge information (TSV copied
   * from Excel leaves a merged cell's value in its top cell and blanks below); a table whose merged
   * cells were expanded means a blank cell is empty. The 类别 column always holds until it changes.
   */
  fillDown: boolean;
}

/** A column by its name: a table's own names, or any unit label ("承办部门", "协同责任单位"). */
const named = (name: string) =>
  COLUMN_NAMES.find(([, pattern]) => pattern.test(name))?.[0] ?? roleOfLabel(name);

/** A header cell's column; a name of two ("责任单位或牵头单位", "工作内容及要求") is its first. */
export function columnOf(cell: string): Column | null {
  const name = fold(cell)
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)$|及?(?:责任人|联系人)$|[:*]$/g, '');
  return (
    named(name) ??
    name.split(/或|及|和|与|\//).reduce<Column | null>((c, part) => c ?? named(part), null) ??
    // A qualified name: "主要工作任务", "年度重点任务", "具体责任单位".
    named(name.replace(/^(?:主要|重点|具体|年度|全年|近期)/, ''))
  );
}

export function isHeader(row: string[]): boolean {
  const columns = new Set(row.map(columnOf));
  const text = columns.has('task') || columns.has('measures');
  return text && (UNIT_COLUMNS.some((c) => columns.has(c)) || columns.has('deadline'));
}

/** A row of column names only, e.g. "牵头 | 配合" under a merged "责任单位" (or equal to the cell above). */
function isSubHeader(row: string[], above: string[]): boolean {
  const named = row.filter((cell, i) => cell.trim() && cell !== above[i]);
  return named.length > 0 && named.every((cell) => columnOf(cell) !== null);
}

/** "第一", "一、", "（一）", "一": a 序号 that numbers a group of tasks, not a task. */
const GROUP_NUMBER = /^(?:第?[一二三四五六七八九十]{1,3}[、.]?|\([一二三四五六七八九十]{1,3}\))$/;

/** A cell that holds a task's number and nothing else ("3", "3.", "3、"). */
export const TASK_NUMBER = /^\s*(\d{1,3})[.、．]?\s*$/;
const TEXT_NUMBER = /^(\d{1,3}|[一二三四五六七八九十]{1,3})[、.]\s*(?!\d)/;

export function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${CN_DIGITS[tens - 1]}十`;
  return tensPart + (ones ? CN_DIGITS[ones - 1]! : '');
}

/** A cell's text with blank paragraphs dropped and spaces trimmed; dashes and 无 mean empty. */
function paragraphs(cell: string | undefined): string[] {
  const parts = (cell ?? '')
    .split('\n')
    // Spaces a PDF writer puts between Chinese and digits ("2026 年 12 月") are not text.
    .map((p) => collapseSpaces(p.replace(/\t/g, ' ')))
    .filter(Boolean);
  return parts.length === 1 && /^[-—－/／无]+$/.test(parts[0]!) ? [] : parts;
}

/**
 * A cell's measures numbered "1." "2." … one a paragraph become its sub-items "（1）" "（2）" …, so
 * that their numbers are not read as tasks of their own; when they open the cell, the first is the
 * task's own text.
 */
function measureList(cell: string[]): string[] {
  const parts = cell.flatMap(inlineMeasures);
  const numbers = parts.map((p) => TEXT_NUMBER.exec(fold(p)));
  const from = numbers[0] ? 0 : 1;
  if (parts.length - from < 2 || numbers.slice(from).some((m, i) => m?.[1] !== String(i + 1))) return parts;
  return parts.map((p, i) =>
    i < from ? p : (i > 0 ? `（${i + 1 - from}）` : '') + p.slice(numbers[i]![0].length),
  );
}

/** A paragraph of measures numbered in a run ("1.常态化开展保洁。2.委托设计院…"), one a paragraph. */
function inlineMeasures(paragraph: string): string[] {
  const pieces = paragraph.split(/(?<=[。；;])\s*(?=\d{1,2}[.、．](?!\d))/);
  const numbered = pieces.every((p, i) => TEXT_NUMBER.exec(fold(p))?.[1] === String(i + 1));
  return pieces.length > 1 && numbered ? pieces : [paragraph];
}

/** Paragraphs of text cells run on as sentences; a paragraph without an ending gets "；". */
function sentences(parts: string[]): string {
  return parts
    .map((p, i) => (i < parts.length - 1 && !/[。；;！!？?，,：:]$/.test(p) ? `${p}；` : p))
    .join('');
}

/**
 * Where one unit's name ends and the next begins with no separator between them ("区住建局区城管局"):
 * a paragraph break read as a wrapped line when the first name filled the line.
 */
/** Where an office's name ends ("…局", "…中心", "…公司"). */
const AFTER_OFFICE = '(?<=[局委办府院队所站处室会部]|中心|公司)';
export const GLUED_UNITS = new RegExp(`${AFTER_OFFICE}(?=[区市县镇乡各])`, 'g');

/** A name after a unit's and a space: another unit's ("区城管局 环卫所"), or the head's ("市民政局 伍泽国"
 *  in a column of 牵头单位及主要负责人), which is no unit. */
const AFTER_UNIT = new RegExp(`${AFTER_OFFICE}[ \\u3000]+([^\\s、，,；;]+)`, 'g');

function unitCell(cell: string): string {
  return cell.replace(AFTER_UNIT, (gap, name: string) =>
    isUnitLike(name) ? `、${name}` : /^[\u4e00-\u9fff]{2,3}$/.test(name) ? '' : gap,
  );
}

/** Each paragraph of a unit cell is one unit or a list of them. */
function unitList(parts: string[]): string {
  return parts.map((p) => p.replace(/[、，,；;。\s]+$/, '').replace(GLUED_UNITS, '、')).join('、');
}

function withStop(text: string): string {
  return /[。！!？?；;]$/.test(text) ? text : `${text.replace(/[，,、：:]+$/, '')}。`;
}

/** A table found at a line: its rows (the header among them) and the line after it. */
export type TableAt = (lines: string[], i: number) => { rows: string[][]; next: number } | null;

/** The text with every task table that `tableAt` finds turned into task lines; other lines
 *  unchanged. */
export function withTaskTables(text: string, tableAt: TableAt): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < lines.length;) {
    const table = tableAt(lines, i);
    const tasks = table && table.rows.length > 1 ? taskTableLines(table.rows, { fillDown: false }) : null;
    if (tasks) {
      out.push(...tasks);
      changed = true;
      i = table!.next;
    } else out.push(lines[i++]!);
  }
  return changed ? out.join('\n') : text;
}

/** The plan lines of a task table; null when no row reads as its header. */
export function taskTableLines(rows: string[][], options: TaskTableOptions): string[] | null {
  const headerAt = rows.findIndex(isHeader);
  if (headerAt < 0) return null;
  let columns = rows[headerAt]!.map(columnOf);
  let first = headerAt + 1;
  // A two-row header: the lower row names the columns a merged cell above covers.
  while (first < rows.length && isSubHeader(rows[first]!, rows[first - 1]!)) {
    columns = columns.map((c, i) => columnOf(rows[first]![i] ?? '') ?? c);
    first++;
  }
  // A column of unknown name holding only row numbers ("任务项": 1, 2, …) numbers the tasks.
  const body = rows.slice(first);
  if (!columns.includes('number')) {
    const numbered = columns.findIndex(
      (c, i) => c === null && body.length > 0 && body.every((row) => TASK_NUMBER.test(row[i] ?? '')),
    );
    if (numbered >= 0) columns = columns.map((c, i) => (i === numbered ? 'number' : c));
  }
  // A 类别 that no two rows share (任务类型 "海绵城市建设管理", "海绵型地块", …) names each row's task.
  const category = columns.indexOf('category');
  const kinds = body.map((row) => row[category]?.trim()).filter(Boolean);
  if (category >= 0 && !columns.includes('task') && kinds.length > 1 && new Set(kinds).size === kinds.length)
    columns = columns.map((c) => (c === 'category' ? 'task' : c));
  // A text cell that several rows share beside their own text (a merged 项目 cell over rows
  // numbered apart) names the group they belong to: it is their 类别.
  const [shared, ...own] = columns.flatMap((c, i) => (c === 'task' || c === 'measures' ? [i] : []));
  if (
    shared !== undefined &&
    own.length &&
    !columns.includes('category') &&
    body.some(
      (row, r) =>
        r > 0 &&
        row[shared]?.trim() &&
        row[shared] === body[r - 1]![shared] &&
        own.some((i) => row[i] !== body[r - 1]![i]),
    )
  )
    columns = columns.map((c, i) => (i === shared ? 'category' : c));
  const cellsOf = (row: string[], column: Column): string[] =>
    columns.flatMap((c, i) =>
      c !== column ? [] : paragraphs(isUnitColumn(c) ? unitCell(row[i] ?? '') : row[i]),
    );

  // Rows above the header (a title row, "附件1") stay as text.
  const lines = rows
    .slice(0, headerAt)
    .flatMap((row) => [...new Set(row.map((c) => paragraphs(c).join('')).filter(Boolean))]);
  let above: Partial<Record<(typeof UNIT_COLUMNS)[number], string>> = {};
  let section = '';
  let sections = 0;
  let tasks = 0;
  /** Where the last task's line is. */
  let lastTask = -1;
  /** A row's unit lines, 牵头 to 责任. */
  const unitLines = (row: string[]): string[] =>
    UNIT_COLUMNS.flatMap((role) => {
      let units = unitList(cellsOf(row, role));
      if (!units && options.fillDown) units = above[role] ?? '';
      above[role] = units;
      return units ? [`${UNIT_LABELS[role]}：${units}`] : [];
    });
  const openSection = (title: string): void => {
    const text = title.slice(readMarker(fold(title))?.length ?? 0).trim();
    if (!text || text === section) return;
    section = text;
    lines.push(`（${chineseNumber(++sections)}）${text}`);
  };

  for (const row of body) {
    const values = row.map((c) => paragraphs(c).join(''));
    const filled = values.filter(Boolean);
    if (!filled.length || isHeader(row) || /^(?:合计|小计|总计|共计|注[:：]|备注[:：])/.test(filled[0]!))
      continue;
    // A row across the table (one value in every cell, or alone in the first) is a group heading.
    const distinct = new Set(filled);
    const number = fold(cellsOf(row, 'number').join(''));
    const acrossFirst = values[0] !== '' && columns[0] !== 'task' && columns[0] !== 'measures';
    if (
      (distinct.size === 1 && (filled.length > 1 || acrossFirst) && !/^\d/.test(number)) ||
      GROUP_NUMBER.test(number)
    ) {
      openSection(filled.find((v) => !GROUP_NUMBER.test(fold(v))) ?? '');
      // No merged cell reaches across such a row.
      above = {};
      continue;
    }
    const category = cellsOf(row, 'category').join('');
    if (category) openSection(category);
    // Of two task columns (项目名称, 项目内容) the first names the task, the other is its content.
    const [named = [], ...told] = columns.flatMap((c, i) => (c === 'task' ? [paragraphs(row[i])] : []));
    let task = sentences(measureList(named));
    let measures = sentences(measureList([...told.flat(), ...cellsOf(row, 'measures')]));
    // A row without its number under a task (its 序号 merged down over rows) goes on with that task;
    // units of its own are another assignment.
    if (tasks && !number && (!(task || measures) || columns.includes('number'))) {
      if (task || measures) lines[lastTask] += withStop(sentences([task, measures].filter(Boolean)));
      if (UNIT_COLUMNS.some((role) => cellsOf(row, role).length)) lines.push(...unitLines(row));
      continue;
    }
    if (!task && !measures) continue;
    tasks++;
    let printed = TASK_NUMBER.exec(number)?.[1];
    // Without a 序号 column, a task may carry its number ("1、城市大环境绿化…").
    const numbered = columns.includes('number') ? null : TEXT_NUMBER.exec(fold(task || measures));
    if (numbered) {
      printed = numbered[1];
      if (task) task = task.slice(numbered[0].length);
      else measures = measures.slice(numbered[0].length);
    }
    let line = /\d/.test(printed ?? '1') ? `${printed ?? tasks}. ` : `${printed}、`;
    if (task) line += `${task.replace(/[。.，,；;：:\s]+$/, '')}。`;
    if (measures) line += withStop(measures);
    const deadline = sentences(cellsOf(row, 'deadline'));
    if (deadline) line += withStop(`完成时限：${asDeadline(deadline)}`);
    const remarks = sentences(cellsOf(row, 'remarks'));
    if (remarks) line += withStop(`备注：${remarks}`);
    lastTask = lines.length;
    lines.push(line, ...unitLines(row));
  }
  return tasks ? lines : null;
}
