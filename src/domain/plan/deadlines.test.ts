import { describe, expect, it } from 'vitest';
import { findDeadlines } from './deadlines';
import { fold } from './normalize-text';

const deadlines = (text: string, year: number | null = 2017) => findDeadlines(fold(text), year);

describe('findDeadlines', () => {
  it.each([
    ['8月底前完成', ['2017-08-31']],
    ['2月底前完成排查', ['2017-02-28']],
    ['2019年10月底前完成', ['2019-10-31']],
    ['年底前动态清零', ['2017-12-31']],
    ['今年年底前完成', ['2017-12-31']],
    ['明年6月底前完成', ['2018-06-30']],
    ['2017年9月30日前完成替代', ['2017-09-30']],
    ['9月30日以前完成', ['2017-09-30']],
    ['3月中旬前完成', ['2017-03-20']],
    ['5月上旬前完成', ['2017-05-10']],
    ['２０１８年１２月底前完成', ['2018-12-31']],
    ['2019年底，覆盖率达到85%以上', ['2019-12-31']],
    ['力争到2020年底，累计创建绿色工厂1家', ['2020-12-31']],
    ['2017年年底前，建成监测网络', ['2017-12-31']],
    ['4月底，全面完成整治', ['2017-04-30']],
    ['上半年前完成排查', ['2017-06-30']],
    ['2019年上半年完成验收', ['2019-06-30']],
    ['下半年，开展第二轮检查', ['2017-12-31']],
    ['一季度前完成摸底', ['2017-03-31']],
    ['第三季度末前完成改造', ['2017-09-30']],
    ['9月中旬前完成清理', ['2017-09-20']],
    ['2016年6底前完成', ['2016-06-30']],
    ['于2021年全面实施并形成长效管理', ['2021-12-31']],
    ['围绕2020年底前城市建成区20%以上的面积达到要求,2017年5月底前,编制完成规划', ['2017-05-31']],
  ])('resolves "%s"', (text, expected) => {
    expect(deadlines(text)).toEqual(expected);
  });

  it.each([
    '每月25日前报送',
    '每年3月底前完成检测',
    '记录保留至次年4月底',
    '可延期至9月底',
    '自2019年3月1日起实施',
    '2019年7月起开展检查',
    '3月份停窑，4—5月份正常生产',
    '到2020年，合格率达到95%',
    '4月6日至6月5日开展攻坚',
    '每季度末前报送进展',
    '每年一季度开展一次检查',
    '截至4月底，已完成80%',
    '截至2020年底，全区县道总里程427公里',
    '6底前完成',
    '第6底座更换',
  ])('ignores "%s"', (text) => {
    expect(deadlines(text)).toEqual([]);
  });

  it('takes a month without a year from the year named earlier in the same sentence', () => {
    expect(deadlines('2019年6月底前完成联网，9月底前完成视频监控。10月底前完成核查。', 2018)).toEqual([
      '2019-06-30',
      '2019-09-30',
      '2018-10-31',
    ]);
  });

  it('keeps the order of first mention without repeats', () => {
    expect(deadlines('8月底前完成修订；6月底前完成排查；8月底前公布。')).toEqual([
      '2017-08-31',
      '2017-06-30',
    ]);
  });

  it('gives every date of a list the 前 printed after the last one', () => {
    expect(deadlines('分别于2018年10月8日、10月12日前报送')).toEqual(['2018-10-08', '2018-10-12']);
    expect(deadlines('6月底和9月底前各完成一次')).toEqual(['2017-06-30', '2017-09-30']);
    expect(deadlines('4月6日、6月5日分别开展检查')).toEqual([]);
    expect(deadlines('4月6日召开会议,6月5日前完成整改')).toEqual(['2017-06-05']);
  });

  it('reads the value of a 完成时限 field as due, with or without 前, a bare month as its end', () => {
    expect(deadlines('完成时限：2023年9月30日')).toEqual(['2023-09-30']);
    expect(deadlines('时间节点：2022年10月')).toEqual(['2022-10-31']);
    expect(deadlines('整改时限:6月30日、12月31日')).toEqual(['2017-06-30', '2017-12-31']);
    expect(deadlines('完成时间：2018年底。')).toEqual(['2018-12-31']);
    // Not a due date: no field, a recurring or open-ended value, a start.
    expect(deadlines('2023年9月30日召开推进会')).toEqual([]);
    expect(deadlines('完成时限：每月10日')).toEqual([]);
    expect(deadlines('完成时限：长期坚持')).toEqual([]);
    expect(deadlines('时间安排:2022年6月起')).toEqual([]);
  });

  it('reads a year by which the work is done as its end', () => {
    expect(deadlines('所有洗煤厂必须于2009年实现废水闭路循环不外排')).toEqual(['2009-12-31']);
    expect(deadlines('力争在2018年基本完成改造')).toEqual(['2018-12-31']);
    expect(deadlines('于2009年开始实施')).toEqual([]);
    expect(deadlines('2009年实现废水达标排放的企业')).toEqual([]);
    expect(deadlines('于2009年3月实现')).toEqual([]);
  });

  it('cannot resolve a month without a plan year', () => {
    expect(deadlines('8月底前完成', null)).toEqual([]);
    expect(deadlines('2019年8月底前完成', null)).toEqual(['2019-08-31']);
  });
});

describe('the end of a year named with 年内', () => {
  it('is a deadline when it opens a clause with its year', () => {
    expect(deadlines('2007年内,完成沙河涌的综合整治。到2009年底,基本缓解')).toEqual([
      '2007-12-31',
      '2009-12-31',
    ]);
  });

  it('is the end of the plan year when it opens a clause and the work is done in it', () => {
    expect(deadlines('完善污水截流系统,年内完成21个污水排污口的整治', 2008)).toEqual(['2008-12-31']);
  });

  it('is not one inside a span of years or without a year', () => {
    expect(deadlines('力争三年内,全面完成', null)).toEqual([]);
    expect(deadlines('力争三年内完成整治', 2008)).toEqual([]);
    expect(deadlines('年内新增200根公用和专用充电桩', 2025)).toEqual(['2025-12-31']);
    expect(deadlines('用两年内容完成')).toEqual([]);
  });
});

describe('a date in figures as a field gives it', () => {
  it('reads "2023.10.31", "2023-10" and "2023/6/30" in a 完成时限 field, not a decimal or a count', () => {
    expect(findDeadlines(fold('完成时限:2023.10.31'), 2023)).toEqual(['2023-10-31']);
    expect(findDeadlines(fold('完成时限:2023-10'), 2023)).toEqual(['2023-10-31']);
    expect(findDeadlines(fold('完成时间:2023/6/30'), 2023)).toEqual(['2023-06-30']);
    expect(findDeadlines(fold('完成时限:长期坚持,投资2023.5万元'), 2023)).toEqual([]);
  });
});
