// Entry point: the plain text of a plan document (方案) in, GOLD_SCHEMA.md JSON out. A document may
// hold several plans (蓝天/碧水/净土 in one notice), each with its own title and numbering, or be a
// news report that states targets but no tasks.
import {
  CAMPAIGN_TIME,
  headingText,
  decimalHeading,
  markerReader,
  isEndOfBody,
  isFramingPart,
  isNonTaskPart,
  isTargetPart,
  isTitleLine,
  readMarker,
  type Level,
} from './headings';
import { joinBrokenLines } from './line-joining';
import {
  issuerFromDocNumber,
  periodOf,
  planYearOf,
  readHeader,
  regionOf,
  withClosingSignature,
  type Header,
} from './metadata';
import { physicalLines, type Line } from './normalize-text';
import { withGluedTables } from './glued-tables';
import { splitHeadingRunOn } from './run-on-tasks';
import { splitRunTogether, withoutChunkNumbers } from './run-together';
import { findTargets } from './targets';
import { readTasks, type TaskWithSource } from './tasks';
import { startsWithUnitKeyword, unitLabel } from './unit-lines';
import type { ParsedDocument, ParsedDocumentWithSources, Plan, SourceRange, Target } from './types';

interface Part {
  heading: Line | null;
  lines: Line[];
}

/** Lines where a plan starts: its title, followed within a few lines by its "一、". */
function planStarts(lines: Line[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.chrome || !isTitleLine(lines[i]!.key)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 10); j++) {
      const marker = readMarker(lines[j]!.key);
      if (marker?.level === 1 && marker.number === '一') {
        starts.push(i);
        break;
      }
      if (marker || isTitleLine(lines[j]!.key)) break;
    }
  }
  return starts;
}

interface Parts {
  preamble: Line[];
  parts: Part[];
  annex: Line[];
  /** Whether a part holds no tasks (一、 parts and （一） parts are judged differently). */
  nonTask: (headingText: string) => boolean;
}

/** Splits a plan into its parts at a marker level; the lines after the body (attachments, 抄送) are
 *  its annex, without their 附件/抄送 lines. */
function partsAt(lines: Line[], level: Level): Omit<Parts, 'nonTask'> {
  const preamble: Line[] = [];
  const parts: Part[] = [];
  const end = lines.findIndex((l) => isEndOfBody(l.key));
  for (const line of end < 0 ? lines : lines.slice(0, end)) {
    if (line.chrome) continue;
    if (readMarker(line.key)?.level === level) parts.push({ heading: line, lines: [line] });
    else if (parts.length) parts[parts.length - 1]!.lines.push(line);
    else preamble.push(line);
  }
  const annex = end < 0 ? [] : lines.slice(end).filter((l) => !l.chrome && !isEndOfBody(l.key));
  return { preamble, parts, annex };
}

/** The first-level parts; in a text without 一、 parts that opens with framing （一） items
 *  ("（一）工作思路。…（二）主要目标。…"), those items are the parts and only the others hold tasks. */
function partsOf(lines: Line[]): Parts {
  const first = partsAt(lines, 1);
  if (first.parts.length) return { ...first, nonTask: isNonTaskPart };
  const second = partsAt(lines, 2);
  return second.parts.some((p) => isFramingPart(partTitle(p.heading!)))
    ? { ...second, nonTask: isFramingPart }
    : { ...first, nonTask: isNonTaskPart };
}

/** The tasks of an annexed task list (重点任务清单), read after the body's (a notice whose tasks are
 *  all there, or a list by unit, by indicator or of finer items beside the body's); an annex holding
 *  tasks without units, or tabulating the body's tasks again (half its titles the body's), is not
 *  read. */
function annexTasks(annex: Line[], year: number | null, body: TaskWithSource[]): TaskWithSource[] {
  const first = annex.findIndex((l) => readMarker(l.key) !== null);
  const tasks = first >= 0 ? readTasks(annex.slice(first), year) : [];
  const titles = new Set(body.map((b) => b.task.title));
  const repeated = tasks.filter((t) => titles.has(t.task.title)).length;
  return repeated * 2 < tasks.length && tasks.some((t) => t.task.assignments.length) ? tasks : [];
}

/** A part of duties by unit ("二、职责分工" over "（一）城运中心：负责…", "（一）区绿化市容局") holds
 *  the plan's assignments, though its heading names no work: its items are tasks. */
function isDutyList(part: Part): boolean {
  // Items of one level below the heading, most of them labelled by units: sub-items "（1）…" under
  // a unit's item are its duties, and "（二）各成员单位职责分工。" may head the labelled items.
  const byLevel = new Map<number, boolean[]>();
  for (const l of part.lines) {
    const marker = readMarker(l.key);
    if (!marker || marker.level === 1) continue;
    if (!byLevel.has(marker.level)) byLevel.set(marker.level, []);
    byLevel
      .get(marker.level)!
      .push(unitLabel(l.text.slice(marker.length), l.key.slice(marker.length)) !== null);
  }
  return [...byLevel.values()].some((items) => {
    const labelled = items.filter(Boolean).length;
    return labelled >= 2 && labelled * 2 >= items.length;
  });
}

/** A part of steps ("六、实施步骤") whose phases ("（一）推进期") number the work to be done in them
 *  ("1．配置分类设备。"): the work items are tasks. */
function isStepsOfWork(part: Part): boolean {
  if (!/(?:实施|工作)步骤|步骤安排/.test(partTitle(part.heading!))) return false;
  let phase = false;
  return part.lines.some((l) => {
    const level = readMarker(l.key)?.level;
    if (level === 2) phase = true;
    return phase && level === 3;
  });
}

/** A part that only lays out phases ("三、整治计划安排" over "（一）方案制定阶段（1-2月）" … with no
 *  work numbered under them): a schedule, not tasks. */
function isPhases(part: Part): boolean {
  const items = part.lines.flatMap((l) => {
    const marker = readMarker(l.key);
    return marker && marker.level > 1 ? [headingText(l.key, l.key, marker)] : [];
  });
  return items.length >= 2 && items.every((t) => /阶段(?:\([^()]*\))?$/.test(t));
}

function partTitle(line: Line): string {
  return headingText(line.key, line.key, readMarker(line.key)!);
}

/** The text that states targets: 目标 parts and 目标 sub-parts; else the 总体要求 part. */
function targetLines(parts: Part[]): Line[] {
  const out: Line[] = [];
  for (const part of parts) {
    if (isTargetPart(partTitle(part.heading!))) {
      out.push(...part.lines);
      continue;
    }
    let inTarget = false;
    for (const line of part.lines) {
      const marker = readMarker(line.key);
      if (marker?.level === 2) inTarget = isTargetPart(headingText(line.key, line.key, marker));
      if (inTarget) out.push(line);
    }
  }
  if (out.length) return out;
  return parts.filter((p) => /总体要求|总体思路/.test(partTitle(p.heading!))).flatMap((p) => p.lines);
}

function targetsIn(lines: Line[]): Target[] {
  return findTargets(lines.map((l) => l.text).join('。'), lines.map((l) => l.key).join('。'));
}

const SCHEDULE_PART = new RegExp(
  `^(?:时间安排|${CAMPAIGN_TIME}(?:[及和与]范围)?|时间步骤|进度安排|[\\u4e00-\\u9fff]{0,4}(?:实施|工作)步骤)$`,
);

function parsePlanLines(lines: Line[], header: Header, fallback: Header, titled: boolean) {
  const { preamble, parts, annex, nonTask } = partsOf(titled ? lines.slice(1) : lines);
  // A plan that is not followed by its own "一、" (a news report quoting it) may still print its title.
  const titleLine = titled ? lines[0] : lines.find((l) => !l.chrome && isTitleLine(l.key));
  const noticeTitle = header.noticeTitle ?? fallback.noticeTitle;
  // A title broken before its place name ("西安经技术开发区" / "2018年…工作方案") is read in its
  // second half only; the notice names it whole.
  // A table's caption ("…任务分解表") names the plan only when no notice does.
  const title =
    titleLine && noticeTitle && (noticeTitle.endsWith(titleLine.text) || titleLine.key.endsWith('表'))
      ? noticeTitle
      : (titleLine?.text ?? noticeTitle);
  // Without first-level parts, tasks are numbered straight away and the lines before them are the
  // preamble; a text with no numbering at all is a report, its body read whole for its targets (an
  // annexed task list states measures, not the plan's targets).
  const markerOf = markerReader(preamble) ?? ((l: Line) => readMarker(l.key));
  const marked = preamble.findIndex((l) => markerOf(l) !== null);
  // A decimal heading ("2.2 工作职责") over the first numbered line heads its tasks.
  const firstMarker = marked > 0 && decimalHeading(preamble[marked - 1]!.raw)?.depth ? marked - 1 : marked;
  // An excerpt taken up in the middle of a task list ("2.…" before "三、…") opens with tasks.
  const opening = preamble.findIndex((l) => !l.chrome);
  const openingTasks = opening >= 0 && opening === firstMarker ? preamble.slice(opening) : [];
  const taskLines = parts.length
    ? [
        ...openingTasks,
        ...parts
          .filter(
            (p) => (!nonTask(partTitle(p.heading!)) && !isPhases(p)) || isDutyList(p) || isStepsOfWork(p),
          )
          .flatMap((p) => p.lines),
      ]
    : firstMarker >= 0
      ? preamble.slice(firstMarker)
      : [];
  // A plan without a part of goals may state them in its opening paragraph, under its title.
  const own = preamble.filter((l) => !l.chrome);
  const openingLines = titled || (own.length > 1 && isTitleLine(own.at(-2)!.key)) ? own.slice(-1) : [];
  const partGoals = targetLines(parts);
  const goalLines = parts.length
    ? partGoals.length
      ? partGoals
      : openingLines
    : firstMarker >= 0
      ? // An excerpt taken up in a list of tasks ("--建立…" / "责任单位:…" before "(三)") states the
        // measures of a task before its first number, not the plan's goals.
        preamble.slice(0, firstMarker).some((l) => startsWithUnitKeyword(l.key))
        ? []
        : preamble.slice(0, firstMarker)
      : preamble;
  const preambleKey = preamble.map((l) => l.key).join('。');
  const issuedOn = header.issuedOn ?? fallback.issuedOn;
  const docNumber = header.docNumber ?? fallback.docNumber;
  // A campaign states its dates in the preamble or in a part of its own ("三、时间安排"), perhaps on
  // the heading's line ("一、整治时间:2021年6月23日-2021年7月1日").
  const scheduleKey = parts
    .filter((p) => SCHEDULE_PART.test(partTitle(p.heading!).split(':')[0]!))
    .flatMap((p) => [p.heading!, ...p.lines].map((l) => l.key))
    .join('。');
  const period = periodOf(title, `${preambleKey}。${scheduleKey}`);
  const year = planYearOf(
    title,
    period,
    issuedOn,
    [...preamble, ...goalLines].map((l) => l.key).join('。'),
    taskLines.map((l) => l.key).join('。'),
    header.publishedOn ?? fallback.publishedOn,
  );
  const issuer = header.issuer ?? fallback.issuer;
  const region = regionOf(title, issuer);
  const bodyTasks = taskLines.length ? readTasks(taskLines, year) : [];
  const tasks = [...bodyTasks, ...annexTasks(annex, year, bodyTasks)];
  const plan: Plan = {
    title,
    doc_number: docNumber,
    issuer: issuer ?? issuerFromDocNumber(docNumber, region),
    issued_on: issuedOn,
    region,
    year,
    period,
    targets: targetsIn(goalLines),
    tasks: tasks.map((t) => t.task),
  };
  return { plan, sources: tasks.map((t) => t.source) };
}

/** Parses a document and returns, for each task, the lines of the input it was read from. */
const ATTACHMENT_LABEL = /^附件\s*[\d一二三四五六七八九十]{0,3}\s*[:]?\s*/;

/** A text that is one attachment ("附件3 X责任分解表" over its table) is titled by the attachment's
 *  heading, not ended by it. */
function withoutAttachmentLabel(lines: Line[]): Line[] {
  const first = lines.findIndex((l) => !l.chrome);
  const line = lines[first];
  const label = line && ATTACHMENT_LABEL.exec(line.key)?.[0];
  if (!line || !label || !isTitleLine(line.key.slice(label.length))) return lines;
  const titled = { ...line, text: line.text.slice(label.length), key: line.key.slice(label.length) };
  return lines.map((l) => (l === line ? titled : l));
}

export function parsePlanWithSources(text: string, document = ''): ParsedDocumentWithSources {
  const lines = withoutAttachmentLabel(
    splitHeadingRunOn(
      splitRunTogether(joinBrokenLines(withGluedTables(withoutChunkNumbers(physicalLines(text))))),
    ),
  );
  const starts = planStarts(lines);
  const firstStart = starts[0] ?? 0;
  const firstPart = lines.findIndex((l, i) => i >= firstStart && readMarker(l.key)?.level === 1);
  const docHeader = withClosingSignature(
    readHeader(lines.slice(0, firstPart >= 0 ? firstPart : lines.length)),
    lines,
  );
  const bounds = starts.length
    ? starts.map((s, i) => [s, starts[i + 1] ?? lines.length] as const)
    : [[0, lines.length] as const];
  const plans: Plan[] = [];
  const sources: SourceRange[][] = [];
  bounds.forEach(([from, to], i) => {
    const segment = lines.slice(from, to);
    const ownHeader =
      i === 0
        ? docHeader
        : readHeader(
            segment.slice(
              0,
              Math.max(
                0,
                segment.findIndex((l) => readMarker(l.key)?.level === 1),
              ),
            ),
          );
    const { plan, sources: taskSources } = parsePlanLines(segment, ownHeader, docHeader, starts.length > 0);
    plans.push(plan);
    sources.push(taskSources);
  });
  const kind = plans.some((p) => p.tasks.length) ? 'plan' : 'news';
  return { document: { document, kind, plans }, sources: { tasks: sources } };
}

export function parsePlan(text: string, document = ''): ParsedDocument {
  return parsePlanWithSources(text, document).document;
}
