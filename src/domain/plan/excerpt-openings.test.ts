// Excerpts taken up in the middle of a plan (page 2 of a law database, a list's items (4)–(9)) and
// task headings printed as their number alone.
import { describe, expect, it } from 'vitest';
import { readMarker } from './headings';
import { parsePlan } from './plan-parser';

const tasks = (lines: string[]) => parsePlan(lines.join('\n'), 'x.txt').plans[0]!.tasks;

describe('a task number followed by a year', () => {
  it('is a marker ("2.2007年底前…"), while a decimal number is not', () => {
    expect(readMarker('2.2007年底前建成监控系统')?.number).toBe('2');
    expect(readMarker('1.5万吨以上')).toBeNull();
    expect(readMarker('2.20倍')).toBeNull();
    expect(readMarker('3.2019')).toBeNull();
  });
});

describe('an excerpt that opens in the middle of a task list', () => {
  it('reads the tasks before its first 一、 part as tasks', () => {
    const read = tasks([
      '2.2007年底前建成机动车排气检测在线监控系统(市环保局负责)。',
      '3.加强环境监督管理(市环保局牵头组织,各区政府负责落实)。',
      '三、做好迎检的各项准备工作',
      '(一)高标准做好考核指标的统计汇总工作。',
      '各责任单位必须在8月底前完成。',
    ]);
    expect(read.map((t) => [t.number, t.deadlines])).toEqual([
      ['2', ['2007-12-31']],
      ['3', []],
      ['(一)', ['2007-08-31']],
    ]);
    expect(read[1]!.assignments[0]!.lead_units).toEqual(['市环保局']);
  });

  it('does not read numbered lines after a title as opening tasks', () => {
    const read = tasks([
      '某区2019年大气污染防治工作方案',
      '1.加强扬尘治理。',
      '一、主要任务',
      '1.治理燃煤锅炉。',
    ]);
    expect(read.map((t) => t.title)).toEqual(['治理燃煤锅炉']);
  });

  it('reads items numbered (4), (5) as the tasks when nothing numbers above them', () => {
    const read = tasks([
      '(4)2003年10月中旬前,对建成区预留地进行全面清理。各区政府为责任单位,城管办为协办单位。',
      '(5)从2003年8月起,公交车辆每天清洗2次。市交通局为责任单位。',
    ]);
    expect(read.map((t) => [t.number, t.deadlines])).toEqual([
      ['(4)', ['2003-10-20']],
      ['(5)', []],
    ]);
    expect(read[1]!.assignments[0]!.responsible_units).toEqual(['市交通局']);
  });

  it('keeps (1) items as sub-items of numbered tasks', () => {
    const read = tasks(['一、主要任务', '1.实行卫生保洁管理', '(1)主次干道保洁。', '(2)街巷保洁。']);
    expect(read.map((t) => t.number)).toEqual(['1']);
  });
});

describe('a （一） part without numbered tasks or units', () => {
  it('is a task of its own beside the numbered tasks of another part', () => {
    const read = tasks([
      '二、主要任务',
      '(一)治理扬尘',
      '1.加强工地管理。责任单位:区住建局',
      '三、做好迎检准备工作',
      '(一)高质量编写专项工作报告。',
      '以上各项工作要在2007年8月底前完成。',
    ]);
    expect(read.map((t) => [t.number, t.title, t.deadlines])).toEqual([
      ['1', '加强工地管理', []],
      ['(一)', '高质量编写专项工作报告', ['2007-08-31']],
    ]);
  });
});

describe('a task heading printed as its number alone', () => {
  it('takes its title from the next line, and a label alone on its line takes the names below it', () => {
    const read = tasks([
      '一、目标任务',
      '(一)。',
      '',
      '营造声势。',
      '',
      '加大宣传力度,开展健康教育。',
      '',
      '责任单位:',
      '',
      '区委宣传部、区文化局、各街道。',
      '',
      '(二)。',
      '',
      '整治河道。',
    ]);
    expect(read.map((t) => [t.number, t.title])).toEqual([
      ['(一)', '营造声势'],
      ['(二)', '整治河道'],
    ]);
    expect(read[0]!.assignments[0]!.responsible_units).toEqual(['区委宣传部', '区文化局', '各街道']);
  });
});
