import { describe, expect, it } from 'vitest';
import { physicalLines } from './normalize-text';
import { parsePlan } from './plan-parser';
import { splitRunTogether, withoutChunkNumbers } from './run-together';

const chunks = (...lines: string[]) => withoutChunkNumbers(physicalLines(lines.join('\n')));
const split = (line: string) => splitRunTogether(physicalLines(line)).map((l) => l.text);

/** A long enough run of a task's words: a chunk is a few hundred characters. */
const words = (n: number) => '持续改善全镇河湖水域岸线面貌,'.repeat(n);

describe('withoutChunkNumbers', () => {
  it("drops a sharing site's chunk numbers and joins the chunks where they were cut", () => {
    const lines = chunks(
      '《镇河长制工作计划.docx》由会员分享,可在线阅读',
      `1、XX镇2020年河长制工作安排一、强化水资源保护${words(8)}加大监督监`,
      '',
      `2、测力度,落实入河排污口监督管理。${words(8)}主体责任单位:各村`,
      '3、(居)',
      '相关资源',
    );
    expect(lines.map((l) => [l.text.slice(0, 12), l.start, l.end])).toEqual([
      ['《镇河长制工作计划.do', 0, 0],
      // The title the site ran into the text is a line of its own.
      ['XX镇2020年河长制工', 1, 1],
      ['一、强化水资源保护持续改', 1, 4],
      ['相关资源', 5, 5],
    ]);
    expect(lines[1]!.text).toBe('XX镇2020年河长制工作安排');
    expect(lines[2]!.text).toContain('加大监督监测力度,');
    expect(lines[2]!.text.endsWith('主体责任单位:各村(居)')).toBe(true);
    expect(lines[2]!.opensText).toBe(true);
  });

  it('parts the title from the words run on after it, but not from the rest of its name', () => {
    const first = (opening: string) =>
      chunks(`1、${opening}${words(8)}(责任单位:`, `2、各村)。${words(8)}`)[0]!.text;
    // A chunk cut inside an open bracket is cut in mid-sentence, though a colon ends it.
    expect(first('大丰市大气污染防治行动计划实施方案为深入贯彻')).toBe('大丰市大气污染防治行动计划实施方案');
    expect(first('XX街道2022年五烧”专项整治工作方案目前已进入')).toBe('XX街道2022年五烧”专项整治工作方案');
    expect(first('XX镇河长制工作方案的通知各村')).toMatch(/^XX镇河长制工作方案的通知各村/);
  });

  it('keeps items of the plan numbered 1、 2、 that open no title or were not cut in mid-sentence', () => {
    // The plan's own items: the first opens with work, not the document's title.
    const items = [`1、加强组织领导${words(8)}明确责任分工`, `2、完善工作机制${words(8)}。`];
    expect(chunks(...items).map((l) => l.text.slice(0, 8))).toEqual(['1、加强组织领导', '2、完善工作机制']);
    // Each line ends a sentence: the lines are paragraphs, whatever the first opens with.
    const paragraphs = [`1、河长制工作方案${words(8)}。`, `2、完善工作机制${words(8)}。`];
    expect(chunks(...paragraphs)).toHaveLength(2);
    // Short lines are no chunks of a few hundred characters.
    expect(chunks('1、河长制工作方案', '2、完善工作机制')).toHaveLength(2);
  });
});

describe('splitRunTogether', () => {
  it('starts parts, sections and tasks where they run on in mid-line', () => {
    const text =
      '县城乡环境卫生专项整治工作实施方案一、工作目标以改善城乡环境卫生面貌为目标。' +
      `二、主要任务(一)修葺破旧立面。${words(6)}牵头单位:县住建局责任单位:各乡镇政府整治时限:长期坚持` +
      `(二)修补破损路面。${words(6)}(县交运局牵头)(三)规范户外广告。1.清理违规招牌(1)主次干道${words(4)}。`;
    expect(split(text).map((l) => l.slice(0, 8))).toEqual([
      '县城乡环境卫生专',
      '一、工作目标以改',
      '二、主要任务',
      '(一)修葺破旧立',
      '(二)修补破损路',
      '(三)规范户外广',
      '1.清理违规招牌',
      '(1)主次干道持',
    ]);
  });

  it('keeps numbers in running text and markers out of their order', () => {
    const text =
      `${words(10)}完成第3、4项工程,新建1、2号线,(一)类地块${words(6)}。` +
      `一、二、三级河长分别负责(三)段,达到1.5万吨。${words(4)}`;
    expect(split(text)).toHaveLength(1);
    // Lines of ordinary length are never split.
    expect(split('一、工作目标。二、主要任务(一)修葺破旧立面。')).toHaveLength(1);
  });
});

describe("a sharing site's copy of a Word file", () => {
  it('reads the tasks and units of a plan run together into numbered chunks', () => {
    const doc = parsePlan(
      [
        '全县城乡环境卫生专项整治工作实施方案.doc',
        '文档简介',
        `1、全县城乡环境卫生专项整治工作实施方案一、工作目标以改善城乡环境卫生面貌为目标。二、主要任务(一)修葺破旧立面。${words(6)}牵头单位:县住建局责任单位:各乡镇政府整治时限:2020年6月底前(二)修补破`,
        `2、损路面。全面硬化县城主次道路,${words(6)}牵头单位:县交运局责任单位:各乡镇政府`,
      ].join('\n'),
    );
    const plan = doc.plans[0]!;
    expect(plan.title).toBe('全县城乡环境卫生专项整治工作实施方案');
    expect(plan.tasks.map((t) => [t.number, t.title])).toEqual([
      ['(一)', '修葺破旧立面'],
      ['(二)', '修补破损路面'],
    ]);
    expect(plan.tasks.map((t) => t.assignments.map((a) => [a.lead_units, a.responsible_units]))).toEqual([
      [[['县住建局'], ['各乡镇政府']]],
      [[['县交运局'], ['各乡镇政府']]],
    ]);
  });
});
