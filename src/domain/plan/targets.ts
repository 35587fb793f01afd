// Quantitative goals ("PM10平均浓度不高于117微克/立方米", "优良天数达到190天以上") with operator,
// value and unit. Only absolute levels count: changes relative to a base year ("比2015年下降22%")
// and the aspirational second value after 力争 are not targets of the plan.
import type { Target, TargetMetric, TargetOp, TargetUnit } from './types';

const COMPARATOR =
  '不高于|不超过|不大于|不多于|不低于|不少于|不小于|低于|小于|高于|大于|超过|多于|控制在|保持在|保持|稳定在|下降到|下降至|降至|降到|上升到|上升至|提高到|提高至|提升到|提升至|达到|达|为|≤|≥|<=|>=|<|>|=';
// A number followed by 年 is a year ("不超过2012年水平"), not a level.
const NUMBER = '(\\d+(?:\\.\\d+)?)(?![\\d.]|\\s*年)';
const SUFFIX = '(?:以下|以内|以上|左右)';
const UNIT =
  '微克每立方米|微克/立方米|毫克/立方米|μg/m³|μg/m3|µg/m³|µg/m3|ug/m3|吨/月·平方公里|吨/平方公里·月|吨/\\(?平方公里·月\\)?|天|%';
const GOAL = new RegExp(
  `(${COMPARATOR})\\s*(?:目标值|目标)?\\s*${NUMBER}\\s*(${UNIT})?((?:\\s*及?${SUFFIX}?\\s*(?:和|、|及|与)\\s*\\d+(?:\\.\\d+)?\\s*(?:${UNIT})?)*)\\s*及?(${SUFFIX})?`,
  'g',
);
/** The first goal of a clause (GOAL itself is global, for matchAll). */
const GOAL_AT = new RegExp(GOAL.source);
/** A comparison that describes whom a goal is for ("浓度超过70微克/立方米之间的镇"), not the goal. */
const CONDITION = /^(?:之间|的|时|地区|区域)/;
// 比 of 比例/比率 names a ratio, not a comparison.
const RELATIVE = /(?:比(?![例率])|较|同比|相比)[^,;]*?(?:下降|降低|减少|提高|上升|增加|增长|削减|改善)/;
const NONE_ALLOWED = /不出现(重度及以上污染天数?|重污染天气?(?:天数)?)/;

const METRICS: [RegExp, TargetMetric][] = [
  [/PM2\.5|PM₂\.₅|细颗粒物/i, 'PM2.5'],
  [/PM10|可吸入颗粒物/i, 'PM10'],
  [/NO2|NO₂|二氧化氮/, 'NO2'],
  [/重(?:度及以上)?污染天/, 'heavy_pollution_days'],
  [/优良|AQI|空气质量达标/, 'good_days'],
  [/降尘/, 'dustfall'],
];

const WATER = /水|断面/;

const CONCENTRATION: TargetMetric[] = ['PM2.5', 'PM10', 'NO2', 'dustfall', 'heavy_pollution_days'];

function normaliseUnit(unit: string | undefined): TargetUnit | null {
  if (!unit) return null;
  if (unit === '天' || unit === '%') return unit;
  if (unit.startsWith('吨')) return '吨/月·平方公里';
  if (/微克|μg|µg|ug/.test(unit)) return 'μg/m³';
  return null;
}

/** good_days becomes good_days_ratio (and heavy_pollution_days its ratio) when stated in %. */
function refine(metric: TargetMetric, label: string, unit: TargetUnit | null): TargetMetric {
  const ratio = unit === '%' || /比例|比率|率/.test(label);
  if (metric === 'good_days') return ratio ? 'good_days_ratio' : metric;
  if (metric === 'heavy_pollution_days') return ratio ? 'heavy_pollution_days_ratio' : metric;
  return metric;
}

/** Whether a label speaks of a metric: 优良 of water bodies ("断面水质优良比例") is not air quality. */
function speaksOf(metric: TargetMetric, label: string): boolean {
  return metric !== 'good_days' || !WATER.test(label);
}

function metricOf(label: string, unit: TargetUnit | null): TargetMetric | null {
  const found = METRICS.find(([pattern, metric]) => pattern.test(label) && speaksOf(metric, label));
  if (!found) return unit && unit !== '天' ? 'other' : null;
  return refine(found[1], label, unit);
}

function operator(comparator: string, suffix: string | undefined, metric: TargetMetric): TargetOp {
  if (/^(?:不高于|不超过|不大于|不多于|≤|<=)$/.test(comparator)) return '<=';
  if (/^(?:低于|小于|<)$/.test(comparator)) return '<';
  if (/^(?:不低于|不少于|不小于|≥|>=)$/.test(comparator)) return '>=';
  if (/^(?:高于|大于|超过|多于|>)$/.test(comparator)) return '>';
  if (suffix === '左右') return '=';
  if (suffix === '以下' || suffix === '以内') return '<=';
  if (suffix === '以上') return '>=';
  if (/^(?:控制在|下降到|下降至|降至|降到)$/.test(comparator)) return '<=';
  // "列养率保持100%": a level to hold, neither more nor less.
  if (/^(?:为|=|保持)$/.test(comparator)) return '=';
  // 达到 / 保持在: a concentration is reached from above, a count of good days from below.
  return CONCENTRATION.includes(metric) ? '<=' : '>=';
}

const LABEL_OPENERS = [
  /^.*?(?:到|至|截至)\s*\d{4}\s*年(?:底|末)?\s*,?/,
  /^(?:在|于)?\s*\d{4}\s*年(?:底|末)?\s*,?/,
  /^(?:力争|确保|全年|年均)/,
  /^(?:全区|全市|全县|全省|全镇|全乡|全街道|我区|我市|我县)/,
];

/** The label as written, without the year, scope and hedging words that open the clause; matched
 *  on the folded key so that traditional characters are read too. */
function cleanLabel(text: string, key: string): string {
  let from = 0;
  for (const opener of LABEL_OPENERS) from += opener.exec(key.slice(from))?.[0].length ?? 0;
  const closer = /(?:分别|均|的)$/.exec(key.slice(from))?.[0].length ?? 0;
  return text.slice(from, text.length - closer).trim();
}

const HAS_GOAL = new RegExp(`(?:${COMPARATOR})\\s*\\d`);
const NEXT_STOP = /[,;。、]/g;

/** Whether the 、 at `at` parts two goals: the clause before it states one, and so does the piece
 *  after it. */
function partsGoals(key: string, from: number, at: number): boolean {
  if (!HAS_GOAL.test(key.slice(from, at))) return false;
  NEXT_STOP.lastIndex = at + 1;
  const end = NEXT_STOP.exec(key)?.index ?? key.length;
  return HAS_GOAL.test(key.slice(at + 1, end));
}

/** Clauses between , ; and 。, and goals listed with 、 ("日均高于276吨(含菜场)、餐厨垃圾分类量日均高于
 *  131吨"): a 、 parts two goals when each side states one. */
function clauses(key: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= key.length; i++) {
    const ch = key[i];
    if (ch === '(' || ch === '《') depth++;
    else if ((ch === ')' || ch === '》') && depth > 0) depth--;
    else if (
      ch === undefined ||
      (depth === 0 && (/[,;。]/.test(ch) || (ch === '、' && partsGoals(key, from, i))))
    ) {
      spans.push([from, i]);
      from = i + 1;
    }
  }
  return spans;
}

/** "优良天数分别达到中阳220天、柳林210天": a value per place, each with its unit. */
const PER_PLACE = new RegExp(
  `分别(${COMPARATOR})\\s*((?:[\\u4e00-\\u9fff]{1,8}?\\s*\\d+(?:\\.\\d+)?\\s*(?:${UNIT})\\s*、?)+)$`,
);
const PLACE_VALUE = new RegExp(`([\\u4e00-\\u9fff]{1,8}?)\\s*(\\d+(?:\\.\\d+)?)\\s*(${UNIT})`, 'g');

interface Subject {
  text: string;
  key: string;
}

/** A goal counted in things at the end of a clause, by a comparator or a closing 以上/以下 or both:
 *  "推广洁净型煤70万吨以上", "燃煤锅炉控制在200台以内". Its unit is outside the schema's list, so
 *  it has none. */
const COUNTED_IN = '(?:万|亿)?(?:蒸吨|吨|台|辆|户|个|家|座|处|套|艘|公里|千米|亩|元)';
const COUNT_GOAL = new RegExp(
  `(${COMPARATOR})?\\s*(\\d+(?:\\.\\d+)?)\\s*${COUNTED_IN}\\s*(以上|以下|以内|左右)?$`,
);
/** "建成230座以上的公园": the count placed before the things counted, which end the clause. */
const COUNT_BEFORE_NOUN = new RegExp(
  `(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*${COUNTED_IN}\\s*(以上|以下|以内)的([\\u4e00-\\u9fff]{1,12})$`,
);

function countTarget(text: string, key: string): Target | null {
  const before = COUNT_BEFORE_NOUN.exec(key);
  if (before && !RELATIVE.test(key)) {
    const label = cleanLabel(text.slice(0, before.index), key.slice(0, before.index)) + before[3];
    const op = before[2] === '以上' ? '>=' : '<=';
    return label.length >= 2 ? { metric: 'other', label, op, value: Number(before[1]), unit: null } : null;
  }
  // A note in brackets after the count ("日均高于276吨(含菜场)") is no part of it.
  const m = COUNT_GOAL.exec(key.replace(/\s*\([^()]*\)$/, ''));
  if (!m || !(m[1] || m[3]) || RELATIVE.test(key)) return null;
  const label = cleanLabel(text.slice(0, m.index), key.slice(0, m.index));
  if (label.length < 2) return null;
  return { metric: 'other', label, op: operator(m[1] ?? '', m[3], 'other'), value: Number(m[2]), unit: null };
}

/** "100%整治完成新摸排的企业", "新发现的100%坚决予以取缔": the share of things a clause names that
 *  its verb must reach, printed before the verb with no comparator; not a share of something
 *  ("30%的企业"), a bound ("95%以上") or a change. */
const SHARE_GOAL = /(?<![\d.])(\d+(?:\.\d+)?)%(?=[\u4e00-\u9fff])(?![的以左和及与或至到比为之])/;

/** "70%以上居住区实现垃圾分类实效达标", "本区建成区40%以上面积达到…", "50平方公里以上建设用地面积
 *  达到…": a share or an amount at least of the things the clause goes on to name, which reach a
 *  goal (a verb follows when words come before). */
const BOUND_GOAL =
  /(?<![\d.])(\d+(?:\.\d+)?)\s*(%|(?:万|亿)?(?:平方公里|平方米|公顷|亩|公里|吨|个|家|座|处|户))以上(?=[\u4e00-\u9fff])(?!的)/;
const REACHED = /达到|实现|完成|达标|建成|覆盖/;

/** "低价值可回收物占可回收物总量25%以上": what share of a whole a thing is to take. */
const SHARE_OF = /占[^\d,;。]{1,16}?(\d+(?:\.\d+)?)\s*%\s*(以上|以下|以内|左右)?$/;

function shareTarget(text: string, key: string): Target | null {
  const of = SHARE_OF.exec(key);
  if (of && of.index > 0 && !RELATIVE.test(key)) {
    // The label runs to the number: "低价值可回收物占可回收物总量".
    const upTo = of.index + of[0].search(/\d/);
    const label = cleanLabel(text.slice(0, upTo), key.slice(0, upTo));
    const op = of[2] === '以上' ? '>=' : of[2] === '以下' || of[2] === '以内' ? '<=' : '=';
    return label.length >= 2 ? { metric: 'other', label, op, value: Number(of[1]), unit: '%' } : null;
  }
  const bound = BOUND_GOAL.exec(key);
  const after = bound && key.slice(bound.index + bound[0].length);
  if (bound && after && !RELATIVE.test(key) && (bound.index === 0 || REACHED.test(after))) {
    const label =
      `${cleanLabel(text.slice(0, bound.index), key.slice(0, bound.index))}${text.slice(bound.index + bound[0].length)}`.trim();
    const unit = bound[2] === '%' ? '%' : null;
    return label.length >= 2 ? { metric: 'other', label, op: '>=', value: Number(bound[1]), unit } : null;
  }
  const m = SHARE_GOAL.exec(key);
  if (!m || RELATIVE.test(key)) return null;
  const before = cleanLabel(text.slice(0, m.index), key.slice(0, m.index));
  const label = before.length >= 2 ? before : text.slice(m.index + m[0].length).trim();
  return label.length >= 2 ? { metric: 'other', label, op: '=', value: Number(m[1]), unit: '%' } : null;
}

/** What a clause speaks of: its words before a relative change or a goal. */
function subjectOf(text: string, key: string): Subject | null {
  const at = RELATIVE.exec(key)?.index ?? GOAL_AT.exec(key)?.index;
  return at ? { text: text.slice(0, at), key: key.slice(0, at) } : null;
}

/** One target per place, the place kept in the label. */
function placeTargets(text: string, key: string, m: RegExpExecArray): Target[] {
  const labelKey = key.slice(0, m.index);
  const label = cleanLabel(text.slice(0, m.index), labelKey);
  const listAt = m.index + m[0].length - m[2]!.length;
  return [...m[2]!.matchAll(PLACE_VALUE)].flatMap((p) => {
    const unit = normaliseUnit(p[3]);
    const metric = metricOf(labelKey, unit);
    if (!metric) return [];
    const place = text.slice(listAt + p.index, listAt + p.index + p[1]!.length);
    return [
      {
        metric,
        label: `${label}(${place})`,
        op: operator(m[1]!, undefined, metric),
        value: Number(p[2]),
        unit,
      },
    ];
  });
}

/** Targets stated in a stretch of text (a 目标 part, or a whole news report). */
export function findTargets(text: string, key: string): Target[] {
  const targets: Target[] = [];
  // A goal with no words of its own speaks of the clause before it in the same sentence:
  // "PM10年均浓度比2012年下降10%,达到62微克/立方米以下", "…不高于59微克/立方米,力争不高于57…".
  let subject: Subject | null = null;
  for (const [from, to] of clauses(key)) {
    const clauseKey = key.slice(from, to);
    const clauseText = text.slice(from, to);
    const before: Subject | null = subject;
    // "…比重要达到37%,其中,年达到33%以上": 其中 passes the subject on.
    subject =
      key[to] !== ',' ? null : /^其中$/.test(clauseKey.trim()) ? before : subjectOf(clauseText, clauseKey);
    // "重污染天气是指环境空气质量指数(AQI)大于200": a definition, not a goal; nor is an alert's
    // threshold ("黄色预警:预测AQI日均值>200将持续2天").
    if (/是指|指的是|预警:|预测/.test(clauseKey)) continue;
    const none = NONE_ALLOWED.exec(clauseKey);
    if (none) {
      targets.push({
        metric: 'heavy_pollution_days',
        label: clauseText.slice(none.index + 3, none.index + none[0].length),
        op: '=',
        value: 0,
        unit: '天',
      });
      continue;
    }
    const perPlace = PER_PLACE.exec(clauseKey);
    if (perPlace) {
      targets.push(...placeTargets(clauseText, clauseKey, perPlace));
      continue;
    }
    const counted = countTarget(clauseText, clauseKey);
    if (counted) {
      targets.push(counted);
      continue;
    }
    const m = [...clauseKey.matchAll(GOAL)].find(
      (g) => !CONDITION.test(clauseKey.slice(g.index + g[0].length)),
    );
    if (!m) {
      const share = shareTarget(clauseText, clauseKey);
      if (share) targets.push(share);
      continue;
    }
    if (RELATIVE.test(clauseKey)) continue;
    // "…确保空气质量优良率达标:PM10、PM2.5年均浓度分别控制在…": the goal's words follow a colon.
    const said = clauseKey.lastIndexOf(':', m.index) + 1;
    const own = { text: clauseText.slice(said, m.index), key: clauseKey.slice(said, m.index) };
    // A goal with no words of its own, or only a time ("年达到33%以上", a year blanked), speaks of
    // the subject before it.
    const ownWords = cleanLabel(own.text, own.key).replace(/^(?:到|至)?(?:\d{4})?年(?:底|末)?$/, '');
    const { text: labelText, key: labelKey } = !ownWords && before ? before : own;
    const label = cleanLabel(labelText, labelKey);
    if (!label) continue;
    const values = [Number(m[2]), ...[...m[4]!.matchAll(/\d+(?:\.\d+)?/g)].map((v) => Number(v[0]))];
    const unitWord = m[3] ?? /(?:微克[^\d]*|μg\S*|天|%)$/.exec(m[4]!)?.[0];
    const unit = normaliseUnit(unitWord);
    // "PM10和PM2.5平均浓度分别不高于53和32微克/立方米": one target per metric named, in order;
    // "玉州区、福绵区…PM10分别为57、54…微克/立方米": one metric, a value for each place before it.
    const named = values.length > 1 ? labelMetrics(labelKey, unit) : [];
    const eachPlace = values.length > 1 && named.length <= 1 && /分别\s*$/.test(labelKey);
    const metrics =
      named.length === values.length
        ? named
        : values.slice(0, eachPlace ? values.length : 1).map(() => metricOf(labelKey, unit));
    metrics.forEach((metric, i) => {
      if (!metric || (metric === 'other' && label.length < 2)) return;
      if (/^力争/.test(clauseKey) && targets.some((t) => t.metric === metric)) return;
      targets.push({ metric, label, op: operator(m[1]!, m[5], metric), value: values[i]!, unit });
    });
  }
  return targets;
}

/** Every metric named in a label, in order ("细颗粒物(PM2.5)" names one, not two). */
function labelMetrics(labelKey: string, unit: TargetUnit | null): TargetMetric[] {
  const hits: [number, TargetMetric][] = [];
  for (const [pattern, metric] of METRICS) {
    if (!speaksOf(metric, labelKey)) continue;
    for (const h of labelKey.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const named = refine(metric, labelKey, unit);
      if (!hits.some(([at, m]) => m === named && Math.abs(at - h.index) < 12)) hits.push([h.index, named]);
    }
  }
  return hits.sort((a, b) => a[0] - b[0]).map(([, metric]) => metric);
}
