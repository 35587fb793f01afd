// A copy that flattened its line breaks into spaces: "…(实施单位:…) (九)提升…  二、…".
import { describe, expect, it } from 'vitest';
import { physicalLines } from './normalize-text';
import { parsePlan } from './plan-parser';

const texts = (text: string) => physicalLines(text).map((l) => l.text);

describe('line breaks flattened into spaces', () => {
  it('split before a marker after the end of a sentence or a bracket', () => {
    expect(texts('加强标准化建设。(实施单位:市质监局) (九)提升作业水平。(实施单位:市城管委)')).toEqual([
      '加强标准化建设。(实施单位:市质监局)',
      '(九)提升作业水平。(实施单位:市城管委)',
    ]);
    expect(texts('落实管理。主体责任单位:各村(居) 2.落实节水行动方案。')).toEqual([
      '落实管理。主体责任单位:各村(居)',
      '2.落实节水行动方案。',
    ]);
  });

  it('split after a heading of its own, a marker and a few words without a full stop', () => {
    expect(texts('二、推动城市管理上新台阶 (一)积极创建文明城市。')).toEqual([
      '二、推动城市管理上新台阶',
      '(一)积极创建文明城市。',
    ]);
  });

  it('keep spaces inside a sentence, before numbers that are no markers, and letter-spaced headings', () => {
    expect(texts('全市 2018 年完成 1.5万吨 任务')).toEqual(['全市2018年完成1.5万吨任务']);
    expect(texts('按照要求 1.加强管理')).toEqual(['按照要求1.加强管理']);
    expect(texts('一 、 主 要 任 务')).toEqual(['一、主要任务']);
    expect(texts('到2020年,完成任务 (一)类地区')).toEqual(['到2020年,完成任务(一)类地区']);
  });

  it('mark a lone "|" and "[接上页]" as chrome', () => {
    expect(physicalLines('|\n[接上页] (八)加强建设。').map((l) => [l.text, l.chrome])).toEqual([
      ['|', true],
      ['[接上页]', true],
      ['(八)加强建设。', false],
    ]);
  });

  it('read the tasks of such a copy', () => {
    const plan = parsePlan(
      '|\n[接上页] (八)加强城市管理标准化建设。组织制订标准。(实施单位:市质监局、城管委) 二、推动城市管理工作上新台阶 (一)积极创建文明城市。大力推动公民思想道德建设。(实施单位:市文明办)',
      'x.txt',
    ).plans[0]!;
    expect(plan.tasks.map((t) => [t.number, t.title, t.assignments[0]?.responsible_units])).toEqual([
      ['(八)', '加强城市管理标准化建设', ['市质监局', '城管委']],
      ['(一)', '积极创建文明城市', ['市文明办']],
    ]);
  });
});

describe('a campaign period stated in a part of its own', () => {
  it('is read from a 时间安排 part, and gives the plan year', () => {
    const plan = parsePlan(
      [
        '街道制订如下方案:',
        '一、活动目的',
        '改善环境卫生面貌。',
        '二、时间安排',
        '2012年3月13日至3月31日。',
        '三、整治内容',
        '1、全面开展门前三包。(责任单位:各居委会)',
      ].join('\n'),
      'x.txt',
    ).plans[0]!;
    expect([plan.period, plan.year]).toEqual([{ start: '2012-03-13', end: '2012-03-31' }, 2012]);
  });

  it('is not read from a task part that names dates', () => {
    const plan = parsePlan(
      ['一、主要任务', '1、2012年3月13日至3月31日开展集中整治。(责任单位:各居委会)'].join('\n'),
      'x.txt',
    ).plans[0]!;
    expect(plan.period).toBeNull();
  });
});
