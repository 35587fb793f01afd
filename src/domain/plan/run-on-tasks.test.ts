import { describe, expect, it } from 'vitest';
import { physicalLines } from './normalize-text';
import { parsePlan } from './plan-parser';
import { splitHeadingRunOn, splitRunOnTasks } from './run-on-tasks';

const split = (...lines: string[]) => splitRunOnTasks(physicalLines(lines.join('\n')), 3).map((l) => l.text);

describe('splitRunOnTasks', () => {
  it('starts the next task where it follows a sentence end in mid-line', () => {
    expect(
      split(
        '（八）绿化建设',
        '2、完成长港绿化带建设。责任单位:市水利局,完成时间:2009年5月10日前。3、完成鄂州大道绿化隔离带建设。责任单位:市林业局',
      ),
    ).toEqual([
      '（八）绿化建设',
      '2、完成长港绿化带建设。责任单位:市水利局,完成时间:2009年5月10日前。',
      '3、完成鄂州大道绿化隔离带建设。责任单位:市林业局',
    ]);
    // after a "；", with a space, with "．", and several on one line
    expect(split('1. 开展排查；2. 建立管理台账。 3．完善监测网络体系。')).toEqual([
      '1.开展排查；',
      '2.建立管理台账。',
      '3．完善监测网络体系。',
    ]);
  });

  it('starts the next task after a bracket that followed a sentence end', () => {
    expect(
      split('1、关于标识标牌问题。', '整改措施:设置界碑1块。(责任单位:县生态环境局) 2、关于隔离防护问题。'),
    ).toEqual([
      '1、关于标识标牌问题。',
      '整改措施:设置界碑1块。(责任单位:县生态环境局)',
      '2、关于隔离防护问题。',
    ]);
  });

  it('keeps the raw text of each part', () => {
    const [first, second] = splitRunOnTasks(physicalLines('1、 完成 规划编制。2、 实施 清淤工程。'), 3);
    expect([first!.raw, second!.raw]).toEqual(['1、 完成 规划编制。', '2、 实施 清淤工程。']);
    expect([first!.start, second!.start]).toEqual([0, 0]);
  });

  it('follows the numbering of the current section, which restarts under each heading', () => {
    expect(
      split('（八）绿化', '6、完成林地改造。', '（九）综合治理', '1、实施清淤工程。2、实施综合治理工程。'),
    ).toEqual([
      '（八）绿化',
      '6、完成林地改造。',
      '（九）综合治理',
      '1、实施清淤工程。',
      '2、实施综合治理工程。',
    ]);
    // a continuation line of task 1 may hold task 2
    expect(split('1、实施清淤工程', '按期完成。2、实施综合治理工程。')).toEqual([
      '1、实施清淤工程',
      '按期完成。',
      '2、实施综合治理工程。',
    ]);
  });

  it.each([
    ['numbers in running text', '1、加快轨道交通建设。2、3号线年底前通车。'],
    ['item lists', '2、落实第3、4项整改措施。3、4月份完成验收工作。'],
    ['a decimal', '2、削减燃煤总量。3.5万吨以上燃煤锅炉全部淘汰。'],
    ['a number out of sequence', '2、完成绿化带建设。5、完成隔离带建设工作。'],
    ['the same number again', '2、完成绿化带建设。2、完成隔离带建设工作。'],
    ['no sentence end before it', '2、完成以下工作:3、完成隔离带建设工作。'],
    ['a marker inside brackets', '2、完成绿化带建设(见附表。3、完成隔离带建设工作)。'],
    ['a bracket inside a sentence', '2、完成绿化带建设(市林业局)3、完成隔离带建设工作。'],
    ['too short to be a task', '2、完成绿化带建设。3、等。'],
    ['a unit or a measure after it', '2、完成绿化带建设。3、(市林业局)负责。'],
  ])('does not split on %s', (_, line) => {
    expect(split('（一）任务', line)).toEqual(['（一）任务', line]);
  });

  it('does not split before any task of the section has started', () => {
    expect(split('（一）任务', '各单位要抓好落实。2、完成隔离带建设工作。')).toEqual([
      '（一）任务',
      '各单位要抓好落实。2、完成隔离带建设工作。',
    ]);
  });
});

describe('a task starting in mid-line', () => {
  it('is its own task with its own units, deadline and section', () => {
    const plan = parsePlan(
      [
        '（八）环境绿化',
        '1、完成森林公园建设。责任单位:市林业局,完成时间:2009年9月30日前。',
        '2、完成长港绿化带建设。责任单位:市水利局,完成时间:2009年5月10日前。3、完成隔离带建设。责任单位:市交通局、鄂城区,完成时间:2009年5月20日前。',
        '（九）环境综合治理',
        '1、实施清淤工程。责任单位:市建委,完成时间:2009年5月30日前。',
      ].join('\n'),
    ).plans[0]!;
    expect(
      plan.tasks.map((t) => [
        t.number,
        t.title,
        t.section,
        t.deadlines.join(),
        t.assignments.map((a) => a.responsible_units.join('/')).join(),
      ]),
    ).toEqual([
      ['1', '完成森林公园建设', '（八）环境绿化', '2009-09-30', '市林业局'],
      ['2', '完成长港绿化带建设', '（八）环境绿化', '2009-05-10', '市水利局'],
      ['3', '完成隔离带建设', '（八）环境绿化', '2009-05-20', '市交通局/鄂城区'],
      ['1', '实施清淤工程', '（九）环境综合治理', '2009-05-30', '市建委'],
    ]);
  });
});

describe('splitHeadingRunOn', () => {
  const split = (...lines: string[]) => splitHeadingRunOn(physicalLines(lines.join('\n'))).map((l) => l.text);

  it('splits a heading from its first item after a space', () => {
    expect(split(' 二、工作任务 1、关于“XX河水库尚未设置标识标牌”问题。', '整改措施:设置界碑。')).toEqual([
      '二、工作任务',
      '1、关于“XX河水库尚未设置标识标牌”问题。',
      '整改措施:设置界碑。',
    ]);
    expect(split('一、重点任务 （一）强化工业污染治理。')).toEqual([
      '一、重点任务',
      '（一）强化工业污染治理。',
    ]);
  });

  it.each([
    ['text after the title', '一、工作目标 通过问题导向,按期全面完成3个问题整改。'],
    ['a second item, not the first', '二、工作任务 2、关于标识标牌问题。'],
    ['an item of the same level', '一、总体要求 二、工作任务'],
    ['a number, not an item', '一、工作目标 1.5万吨以上燃煤锅炉全部淘汰。'],
    [
      'a long sentence before the space',
      '一、按照全市统一部署推进各项工作任务落实到位 1、关于标识标牌问题。',
    ],
    ['no heading', '工作任务 1、关于标识标牌问题。'],
  ])('keeps %s', (_, line) => {
    expect(split(line)).toEqual(physicalLines(line).map((l) => l.text));
  });
});
