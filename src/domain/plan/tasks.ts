// Tasks of the task parts of one plan: numbered items, their sub-items, and the blocks of units
// printed under them. A block belongs to the task it is printed in; its scope is the run of
// sub-items since the previous block (GOLD_SCHEMA.md).
import { DUE_LABEL, findDeadlines } from './deadlines';
import {
  decimalHeading,
  headingText,
  markerReader,
  isNonTaskPart,
  readMarker,
  scopeLabel,
  type Level,
  type Marker,
} from './headings';
import { fold, type Line } from './normalize-text';
import { splitRunOnTasks } from './run-on-tasks';
import { unitCells } from './unit-cells';
import type { Assignment, SourceRange, Task } from './types';
import {
  allocatedUnits,
  unitCount,
  dutySubject,
  findUnitSegments,
  firstListedLeads,
  headingUnits,
  isFieldLine,
  unitLabel,
  standingRule,
  startsWithUnitKeyword,
  type UnitBlock,
} from './unit-lines';

export interface TaskWithSource {
  task: Task;
  source: SourceRange;
}

type Event =
  | { kind: 'sub'; number: string }
  /** `owner`: the units the item is labelled by ("1. 市科技馆"), which its own unit lines overrule. */
  | { kind: 'block'; block: UnitBlock; keywordLines: boolean; owner?: boolean };

interface Draft {
  number: string;
  title: string;
  section: string | null;
  source: SourceRange;
  key: string;
  events: Event[];
  /** A part's heading, a task only if no numbered task follows under it and it states its units. */
  part?: boolean;
}

interface Section {
  label: string;
  text: string;
  source: SourceRange;
  tasks: TaskWithSource[];
  blocks: Event[];
  /** Text of the lines under the heading outside unit statements, for a part without tasks. */
  key: string;
  /** A unit's heading in a part of duties: its numbered lines are its duties, not tasks. */
  duties?: boolean;
}

/** A field of when the work is due, printed among its units. */
const DATE_FIELD = new RegExp(`${DUE_LABEL}\\s*:[^;,。)〕】\\]]+`, 'g');

/** The heading of an item of units' duties: "鹿寨县成员单位职责", "各部门职责分工". */
const DUTY_ITEM = /^[^。,;:]{0,12}?(?:成员单位|部门|单位)职责(?:分工)?/;

/** A part that shares out duties by unit. */
const DUTY_PART = /职责|分工|责任体系|责任分解|责任划分/;

const TERMINATOR = /[。:!?]/;
/** A copy that prints its full stops as "." between sentences ("…详细规划》.按照…"). */
const STOP_DOT = /^[\u4e00-\u9fff》”)]\.[\u4e00-\u9fff《“]$/;
const OPENERS = '(《“‘〔【[';
const CLOSERS = ')》”’〕】]';

/** A task title: the heading up to its first full stop or colon, without a trailing unit group. */
function titleOf(text: string, key: string): string {
  let depth = 0;
  let cut = key.length;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i > 0 && (TERMINATOR.test(ch) || STOP_DOT.test(key.slice(i - 1, i + 2)))) {
      cut = i;
      break;
    }
  }
  // A unit label the words run on into ("…堆放有杂物;整改责任单位:县市场监督管理局") is none of them.
  const clause = Math.max(key.lastIndexOf(';', cut), key.lastIndexOf(',', cut)) + 1;
  if (clause > 0 && key[cut] === ':' && startsWithUnitKeyword(key.slice(clause, cut + 1))) cut = clause;
  // A group of units closing the heading is none of its words; an agent clause of its sentence ("…的
  // 问题,由X会同Y负责落实") is.
  const last = findUnitSegments(text.slice(0, cut), key.slice(0, cut)).pop();
  if (last && key.slice(last.end, cut).trim() === '' && !key.slice(last.start).startsWith('由'))
    cut = last.start;
  // "一级排查(4月10日前完成)": the date in brackets closing a heading is its deadline, not its title.
  const dated = /\([^()]*\d{1,2}月[^()]*\)\s*$/.exec(key.slice(0, cut));
  if (dated && dated.index > 0) cut = dated.index;
  return text.slice(0, cut).replace(/[。.,，、;；:：\s]+$/, '');
}

/** A section heading as printed (markdown removed), up to its first full stop. */
function sectionOf(line: Line): string {
  const stop = line.raw.indexOf('。');
  return (stop >= 0 ? line.raw.slice(0, stop) : line.raw).replace(/[。.,，;；:：\s]+$/, '');
}

function toAssignment(block: UnitBlock, scope: string | null, note: string | null): Assignment {
  const notes = [block.note, note].filter(Boolean);
  return {
    scope,
    lead_units: block.lead,
    cooperating_units: block.cooperating,
    responsible_units: block.responsible,
    note: notes.length ? notes.join('; ') : null,
  };
}

/** Scopes: a lone block after the last sub-item covers the whole task; otherwise each block covers
 *  the sub-items printed since the previous block. */
function assignments(events: Event[]): Assignment[] {
  const blocks = events.filter((e) => e.kind === 'block');
  const lastBlock = events.lastIndexOf(blocks[blocks.length - 1]!);
  const subAfterLast = events.slice(lastBlock + 1).some((e) => e.kind === 'sub');
  const out: Assignment[] = [];
  let since: string[] = [];
  for (const event of events) {
    if (event.kind === 'sub') {
      // Numbered from 1 again ("(1)…(2)…" of the problem, then "整改措施:(1)由…(2)由…"): the later
      // numbering is the one the units follow.
      if (event.number === '1') since = [];
      since.push(event.number);
      continue;
    }
    if (blocks.length === 1 && !subAfterLast) out.push(toAssignment(event.block, null, null));
    else if (since.length === 0) out.push(toAssignment(event.block, null, null));
    else if (since.length === 1) out.push(toAssignment(event.block, scopeLabel(since[0]!), null));
    else {
      const [first, last] = [scopeLabel(since[0]!), scopeLabel(since[since.length - 1]!)];
      const note = `unit lines stand after sub-item ${last} and cover sub-items ${first}-${last}`;
      out.push(toAssignment(event.block, `${first}-${last}`, note));
    }
    since = [];
  }
  return out;
}

/** A statement of the units of "this work", printed after the numbered measures of an item. */
const ITEM_WORK = /^(?:此项|该项|本项)工作(?:由|要由|请)[^。]*(?:牵头|负责|配合|落实)/;

/**
 * Whether every unit stated stands with a （一） item rather than with its numbered measures: under
 * its heading before its 1. 2. … ("牵头单位:区建委" / "成员单位:…" then the measures), or after
 * them in a statement of "this work" ("此项工作由市环保局牵头,…配合。"). Then the （一） items are
 * the tasks, their 1. 2. … the measures.
 */
function unitsOfItems(lines: Line[]): boolean {
  let units = false;
  let inItem = false;
  let inMeasures = false;
  const levels = lines.map((l) => readMarker(l.key)?.level);
  const restarts = measuresRestart(lines);
  for (const [i, line] of lines.entries()) {
    const level = levels[i];
    if (level === 1) [inItem, inMeasures] = [false, false];
    else if (level === 2) [inItem, inMeasures] = [true, false];
    else if (level === 3) inMeasures = true;
    const segments = findUnitSegments(line.text, line.key, false);
    if (!segments.length) continue;
    // A unit line closing an item whose measures are numbered from 1 again in each item (长春's
    // "(二十二)…" / "1.…" – "3.…" / "责任单位:…"): the item's units, as a 此项工作 statement is.
    const next = levels.slice(i + 1).find((l) => l !== undefined);
    const closing =
      restarts && inMeasures && startsWithUnitKeyword(line.key) && (next === undefined || next <= 2);
    // A unit field run on into the item's own line ("(一)部分领导干部…。责任单位:…整改措施:…"), as a
    // copy run together prints it, stands with the item as a line of its own under it would.
    const fieldOfItem =
      level === 2 && segments.every((s) => s.start > 0 && startsWithUnitKeyword(line.key.slice(s.start)));
    if (!ITEM_WORK.test(line.key) && !closing && (!inItem || inMeasures || (level === 2 && !fieldOfItem)))
      return false;
    units = true;
  }
  return units;
}

/** Whether an item's measures are numbered from 1 again after another item's (not on through the
 *  plan, as tasks are). */
function measuresRestart(lines: Line[]): boolean {
  let items = 0;
  let last = 0;
  for (const line of lines) {
    const marker = readMarker(line.key);
    if (marker?.level === 2) items++;
    else if (marker?.level === 3) {
      if (marker.number === '1' && last > 0 && items > 1) return true;
      last = Number(marker.number);
    }
  }
  return false;
}

/** A bracketed field heading over the measures of the item it is printed in. */
const MEASURES_FIELD = /^【(?:推进|工作|主要|具体|保障)?(?:措施|举措)】$/;

/** Reads the tasks of the given task-part lines (first-level headings included). */
export function readTasks(partLines: Line[], planYear: number | null): TaskWithSource[] {
  // Tasks are the 1. items; a plan numbering nothing below （一） has its （一） parts as tasks, and an
  // excerpt that holds only （4） items (a list taken up in its middle) has those.
  // In a text numbered by decimal headings ("2.2职责任务。", "3.1预防。"), a part's heading printed
  // "3.预防、预报、监测和报告" is one of them, not a task.
  const decimalMarker = markerReader(partLines);
  const decimalText = decimalMarker !== null;
  // Each line's marker is asked for several times over: read once.
  const markers = new Map<Line, Marker | null>();
  const markerOf = (l: Line): Marker | null => {
    if (!markers.has(l)) markers.set(l, decimalMarker ? decimalMarker(l) : readMarker(l.key));
    return markers.get(l)!;
  };
  const present = new Set(partLines.map((l) => markerOf(l)?.level).filter((l) => l !== 1));
  const itemWork = present.has(2) && present.has(3) && unitsOfItems(partLines);
  // Parts numbered 一、 with nothing numbered under them and units of their own (a duty list, a
  // table's rows numbered 一、) are the tasks.
  // So is a part that lays its work out under bracketed fields ("十八、开展农村黑臭水体治理" /
  // "【目标任务】" / "【推进措施】" 1.–3. / "责任单位:…"): its numbered lines are its measures.
  const partTasks =
    (!([2, 3, 4, 5] as const).some((level) => present.has(level)) ||
      (!present.has(2) && partLines.some((l) => MEASURES_FIELD.test(l.key)))) &&
    partLines.some((l) => markerOf(l)?.level !== 1 && findUnitSegments(l.text, l.key, false).length);
  const taskLevel: Level = partTasks
    ? 1
    : present.has(3) && !itemWork
      ? 3
      : present.has(2) || present.size === 0
        ? 2
        : 4;
  const lines = taskLevel === 3 ? splitRunOnTasks(partLines, taskLevel) : partLines;
  // Sub-items are the next level down; a plan with no （1） items numbers them 1) or ①.
  const levels = new Set(lines.map((l) => markerOf(l)?.level));
  // Under （一） tasks with no 1. below them, the （1） items are the sub-items.
  const subLevel =
    taskLevel === 2 && (levels.has(3) || !levels.has(4))
      ? 3
      : taskLevel === 4 || (levels.has(5) && !levels.has(4))
        ? 5
        : 4;
  const result: TaskWithSource[] = [];
  let section: Section | null = null;
  let task: Draft | null = null;
  let open: UnitBlock | null = null;
  // "列第一位者为牵头部门，下同": bracketed lists of units from here on lead with their first unit.
  let firstLeads = false;

  const pushBlock = (block: UnitBlock, keywordLines: boolean, owner = false): void => {
    const event: Event = { kind: 'block', block, keywordLines, owner };
    if (task) task.events.push(event);
    else if (section) section.blocks.push(event);
  };

  /** A duty list's item labelled by its units ("14.市卫生局:负责…", "（一）区绿化市容局") gives
   *  them the item. */
  const labelOwner = (line: Line, from: number): void => {
    const [text, key] = [line.text.slice(from), line.key.slice(from)];
    const owner = unitLabel(text, key, dutyPart);
    if (owner) {
      const note = `unit named as the item's label (${owner.label})`;
      pushBlock({ lead: [], cooperating: [], responsible: owner.names, note }, false, true);
      return;
    }
    // In a part of duties an item may open with its unit acting ("3.派出所要对…").
    const acting = dutyPart ? dutySubject(text, key) : null;
    if (acting) pushBlock({ lead: [], cooperating: [], responsible: acting, note: null }, false);
  };

  // Consecutive unit lines form one block until a role repeats ("牵头单位" twice starts a new one).
  const addKeywordBlock = (block: UnitBlock): void => {
    const clash =
      open &&
      (['lead', 'cooperating', 'responsible'] as const).some((r) => block[r].length && open![r].length);
    if (open && !clash) {
      open.lead.push(...block.lead);
      open.cooperating.push(...block.cooperating);
      open.responsible.push(...block.responsible);
      if (block.note) open.note = open.note ? `${open.note}; ${block.note}` : block.note;
      return;
    }
    open = block;
    pushBlock(block, true);
  };

  const closeTask = (): void => {
    if (!task) return;
    if (task.part && !task.events.some((e) => e.kind === 'block')) {
      task = null;
      return;
    }
    const done: TaskWithSource = {
      task: {
        number: task.number,
        title: task.title,
        section: task.section,
        deadlines: findDeadlines(task.key, planYear),
        assignments: assignments(withOwner(task.events)),
      },
      source: task.source,
    };
    noteSharedBlock(done, task.events, section);
    (section ? section.tasks : result).push(done);
    task = null;
    open = null;
  };

  const closeSection = (): void => {
    closeTask();
    if (!section) return;
    // A part without numbered tasks but with units of its own is a task labelled by the part.
    if (!section.tasks.length) {
      const marker = readMarker(fold(section.label));
      result.push({
        task: {
          number: marker ? section.label.slice(0, marker.label.length) : section.label,
          title: section.text,
          section: null,
          deadlines: findDeadlines(section.key, planYear),
          assignments: assignments(section.blocks),
        },
        source: section.source,
      });
    }
    result.push(...section.tasks);
    section = null;
    open = null;
  };

  const body = (line: Line, from: number): void => {
    const text = line.text.slice(from);
    const key = line.key.slice(from);
    const segments = findUnitSegments(text, key, from > 0, firstLeads, decimalText);
    if (segments.some((s) => firstListedLeads(s.block.note) === 'from here on')) firstLeads = true;
    const events: [number, () => void][] = [];
    let plain = '';
    let at = 0;
    for (const segment of segments) {
      // A date among the units ("（牵头单位:市发改委;完成时限:2023年12月底）") dates the task.
      const dated = key.slice(segment.start, segment.end).match(DATE_FIELD);
      plain += key.slice(at, segment.start) + (dated ? `${dated.join('。')}。` : '');
      const keywordTail = startsWithUnitKeyword(key.slice(segment.start));
      events.push([
        segment.start,
        () => (keywordTail ? addKeywordBlock(segment.block) : pushBlock(segment.block, false)),
      ]);
      at = segment.end;
    }
    plain += key.slice(at);
    // Sub-items run on inside a paragraph: "…；（2）…".
    if (task && subLevel === 4) {
      for (const m of key.matchAll(/(?:^|[。;:])\s*\(?(\d{1,2})\)/g)) {
        if (m.index === 0) continue;
        const inUnits = segments.some((s) => m.index >= s.start && m.index < s.end);
        if (!inUnits) events.push([m.index, () => task?.events.push({ kind: 'sub', number: m[1]! })]);
      }
    }
    if (task) task.key += `${plain}。`;
    else if (section) section.key += `${plain}。`;
    const firstUnit = segments[0]?.start ?? key.length;
    if (/[^\s。,;:、.()]/.test(key.slice(0, firstUnit))) open = null;
    events.sort((a, b) => a[0] - b[0]).forEach(([, apply]) => apply());
    if (segments.length && !startsWithUnitKeyword(key.slice(segments[segments.length - 1]!.start)))
      open = null;
  };

  // Within a part of duties ("三、分工与职责"), a （一） heading of a unit alone heads its duties.
  let dutyPart = false;
  // A decimal heading ("3.2.1 Ⅲ级响应措施", as emergency plans number theirs) over the tasks; a
  // part numbered so ("5 应急保障") that holds no tasks. A number alone before a space ("10 月底前")
  // is a heading only in a text of decimal headings, or before the name of such a part.
  let decimal: string | null = null;
  let decimals = false;
  let outside = false;
  let sharing: UnitBlock | null = null;
  // An item that heads the duties of units ("1.鹿寨县成员单位职责" over "(1)县气象局:负责…"): its
  // sub-items are the tasks, under it as their section.
  const dutyItems = new Map<Line, string>();
  lines.forEach((line, i) => {
    const marker = markerOf(line);
    const heading = marker?.level === taskLevel && DUTY_ITEM.exec(line.key.slice(marker.length));
    if (!marker || !heading) return;
    let labelled = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      const sub = markerOf(next);
      if (sub && sub.level <= taskLevel) break;
      if (sub?.level === subLevel && unitLabel(next.text.slice(sub.length), next.key.slice(sub.length)))
        labelled++;
    }
    if (labelled >= 2) dutyItems.set(line, line.text.slice(0, marker.length + heading[0].length));
  });
  let dutyItem: string | null = null;
  let partSeen = false;
  const cells = unitCells(lines, (l) => markerOf(l)?.level === taskLevel);
  for (const line of lines) {
    const marker = markerOf(line);
    const heading = marker ? null : decimalHeading(line.raw);
    if (heading && (heading.depth > 0 || decimals || isNonTaskPart(heading.title))) {
      closeTask();
      if (heading.depth === 0) outside = isNonTaskPart(heading.title);
      decimals ||= heading.depth > 0;
      decimal = heading.depth > 0 ? heading.label : null;
      continue;
    }
    if (outside) continue;
    if (marker?.level === 1) partSeen = true;
    if (marker?.level === 1 && taskLevel !== 1) {
      closeSection();
      dutyPart = DUTY_PART.test(headingText(line.key, line.key, marker));
      // A part whose work is one paragraph and its unit lines, nothing numbered under it ("二、开展
      // “绿色饭店”创建工作" / "任务要求。…" / "牵头单位:…"), is a task of its own.
      if (!dutyPart) {
        task = { ...draft(line, marker, marker.number, null), part: true };
        body(line, marker.length);
      }
      continue;
    }
    // A numbered task or section under the part: its heading was a heading.
    if (task?.part && marker && (marker.level === taskLevel || (marker.level === 2 && taskLevel === 3)))
      task = null;
    if (marker?.level === 2 && taskLevel === 3) {
      closeSection();
      const [text, key] = [line.text.slice(marker.length), line.key.slice(marker.length)];
      section = {
        label: sectionOf(line),
        text: titleOf(text, key),
        source: { startLine: line.start, endLine: line.end },
        tasks: [],
        blocks: [],
        key: '',
        // An excerpt taken up in such a part ("(十一)市气象局" over its duties 1. 2.) shows no part's
        // heading: a unit's heading over numbered lines heads its duties there too.
        duties: (dutyPart || !partSeen) && headingUnits(text, key, true) !== null,
      };
      // The heading's own units and dates count if the part turns out to hold no numbered tasks.
      labelOwner(line, marker.length);
      body(line, marker.length);
      continue;
    }
    // The numbered duties under a unit's heading in a part of duties are that unit's item.
    if (marker?.level === taskLevel && section?.duties) {
      section.source.endLine = line.end;
      body(line, 0);
      continue;
    }
    if (marker && marker.level <= taskLevel) dutyItem = dutyItems.get(line) ?? null;
    if (dutyItem && (dutyItems.has(line) || marker?.level === subLevel)) {
      closeTask();
      if (dutyItems.has(line)) continue;
      task = draft(line, marker!, line.text.slice(0, marker!.label.length), dutyItem);
      labelOwner(line, marker!.length);
      body(line, marker!.length);
      continue;
    }
    if (marker?.level === taskLevel) {
      closeTask();
      const number =
        taskLevel === 3 || taskLevel === 1 ? marker.number : line.text.slice(0, marker.label.length);
      task = draft(line, marker, number, section ? section.label : decimal);
      labelOwner(line, marker.length);
      body(line, marker.length);
      continue;
    }
    // "（一）。" / "营造声势。": a heading printed as its number alone is named by the next line.
    if (task && !task.title && !task.key.replace(/[。\s]/g, '') && !marker)
      task.title = titleOf(line.text, line.key);
    // A line that opens nothing new belongs to the task (or section) before it; a heading does not.
    if (task) task.source.endLine = line.end;
    else if (section) section.source.endLine = line.end;
    const cell = task ? cells.get(line) : undefined;
    if (cell !== undefined) {
      if (cell)
        pushBlock(
          { lead: [], cooperating: [], responsible: cell, note: "a row's unit cells, one a line" },
          false,
        );
      continue;
    }
    // "责任单位:" alone over lines that share the work out ("(1)城管局负责城区街道;"): the units of
    // those lines, not sub-items.
    const bare: UnitBlock | null = open;
    const shared =
      marker && bare && (bare === sharing || !unitCount(bare))
        ? allocatedUnits(line.text.slice(marker.length), line.key.slice(marker.length))
        : null;
    if (shared) {
      sharing = bare;
      bare!.responsible.push(...shared);
      continue;
    }
    if (marker?.level === subLevel && task) {
      open = null;
      task.events.push({ kind: 'sub', number: marker.number });
      body(line, marker.length);
      continue;
    }
    if (startsWithUnitKeyword(line.key)) {
      body(line, 0);
      continue;
    }
    if (isFieldLine(line.key)) {
      // A field among the unit lines (督导单位, 责任领导, 完成时限) does not end their block.
      const kept: UnitBlock | null = open;
      body(line, 0);
      open = kept;
      continue;
    }
    const rule = /^[〔【[(]/.test(line.key) ? standingRule(line.text, line.key) : null;
    const target = open ?? lastBlock(task?.events ?? section?.blocks ?? []);
    if (rule && target) target.note = target.note ? `${target.note}; ${rule}` : rule;
    else body(line, 0);
  }
  closeSection();
  return result;
}

/** An item labelled by a name ("1. 市科技馆") that states its units in lines of their own answers by
 *  those: the label names the site, not who answers for it; but units stated only as helpers
 *  ("协助单位:交通局") help the unit the item is labelled by ("(九)县公安局主要工作任务:"). */
function withOwner(events: Event[]): Event[] {
  const owner = events.find((e) => e.kind === 'block' && e.owner);
  const stated = events.filter((e) => e.kind === 'block' && !e.owner);
  if (!owner || owner.kind !== 'block' || !stated.length) return events;
  const helped = stated.every(
    (e) => e.kind === 'block' && !e.block.lead.length && !e.block.responsible.length,
  );
  return events
    .filter((e) => e !== owner)
    .map((e) =>
      helped && e === stated[0] && e.kind === 'block'
        ? { ...e, block: { ...e.block, responsible: owner.block.responsible } }
        : e,
    );
}

/** A task opened by its numbered line: its words after the marker give the title. */
function draft(line: Line, marker: Marker, number: string, section: string | null): Draft {
  return {
    number,
    title: titleOf(line.text.slice(marker.length), line.key.slice(marker.length)),
    section,
    source: { startLine: line.start, endLine: line.end },
    key: '',
    events: [],
  };
}

function lastBlock(events: Event[]): UnitBlock | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'block') return e.block;
  }
  return null;
}

/** Unit lines printed once after several unit-less tasks of a part cover all of them; the block
 *  stays with the task it is printed under, and says so. */
function noteSharedBlock(done: TaskWithSource, events: Event[], section: Section | null): void {
  const [only, ...more] = done.task.assignments;
  const event = events.find((e) => e.kind === 'block');
  if (
    !section ||
    !only ||
    more.length ||
    only.scope !== null ||
    event?.kind !== 'block' ||
    !event.keywordLines
  )
    return;
  if (events.some((e) => e.kind === 'sub')) return;
  let first = section.tasks.length;
  while (first > 0 && section.tasks[first - 1]!.task.assignments.length === 0) first--;
  if (first === section.tasks.length) return;
  const from = section.tasks[first]!.task.number;
  const note = `block covers tasks ${from}-${done.task.number} (unit lines printed once after task ${done.task.number})`;
  only.note = only.note ? `${only.note}; ${note}` : note;
}
