import { describe, expect, it } from 'vitest';
import { withLineTables } from './line-tables';

/** Cells one a line with a blank line between, as a web page's text leaves a table. */
const cells = (...lines: string[]) => lines.join('\n\n');

describe('withLineTables', () => {
  it('reads a table left one cell a line, columns of unknown names kept out, its number column by its cells', () => {
    const text = cells(
      '区城管局2024年第四季度重点工作任务完成情况',
      '任务项',
      '重点工作内容',
      '牵头责任单位',
      '四季度进展情况',
      '1',
      '开展市容秩序专项整治行动。',
      '区城管大队',
      '清理卫生死角30余处。',
      '2',
      '深入推进生活垃圾分类工作。',
      '区环卫所(垃圾分类管理办)',
      '开展宣传活动4次。',
      '以上为第四季度完成情况。',
    );
    expect(withLineTables(text).split('\n').filter(Boolean)).toEqual([
      '区城管局2024年第四季度重点工作任务完成情况',
      '1. 开展市容秩序专项整治行动。',
      '牵头单位：区城管大队',
      '2. 深入推进生活垃圾分类工作。',
      '牵头单位：区环卫所(垃圾分类管理办)',
      '以上为第四季度完成情况。',
    ]);
  });

  it('reads the group rows between the rows ("一" over its name), the name merged down over them', () => {
    const text = cells(
      '附表',
      '序号',
      '重点任务',
      '具体工作',
      '时间进度',
      '责任部门',
      '一',
      '推进碳达峰碳中和综合管理',
      '1',
      '全力推进节能降碳目标进度',
      '全年推进',
      '发展改革委、生态环境局',
      '2',
      '编制温室气体排放清单',
      '年内完成',
      '生态环境局',
      '二',
      '加快推进能源绿色低碳转型',
      '3',
      '分解年度光伏建设目标任务',
      '一季度完成',
      '发展改革委',
    );
    expect(withLineTables(text).split('\n').filter(Boolean)).toEqual([
      '附表',
      '（一）推进碳达峰碳中和综合管理',
      '1. 全力推进节能降碳目标进度。完成时限：全年推进。',
      '责任单位：发展改革委、生态环境局',
      '2. 编制温室气体排放清单。完成时限：年内完成。',
      '责任单位：生态环境局',
      '（二）加快推进能源绿色低碳转型',
      '3. 分解年度光伏建设目标任务。完成时限：一季度前完成。',
      '责任单位：发展改革委',
    ]);
  });

  it('lays a row short of a merged cell into its columns, the cell above repeated', () => {
    const text = [
      '重点任务清单',
      '序号',
      '工作任务',
      '牵头单位',
      '责任单位',
      '1',
      '建筑工地扬尘管控。',
      '区住建局',
      '各街道',
      '2',
      '道路扬尘管控。',
      // 牵头单位 merged with the row above
      '各街道',
      '3',
      '裸露地块苫盖。',
      '区自然资源局',
      '各街道',
    ].join('\n');
    expect(withLineTables(text).split('\n')).toEqual([
      '重点任务清单',
      '1. 建筑工地扬尘管控。',
      '牵头单位：区住建局',
      '责任单位：各街道',
      '2. 道路扬尘管控。',
      '牵头单位：区住建局',
      '责任单位：各街道',
      '3. 裸露地块苫盖。',
      '牵头单位：区自然资源局',
      '责任单位：各街道',
    ]);
  });

  it('reads a cell of several paragraphs, one a line', () => {
    const text = [
      '序号',
      '工作任务',
      '牵头单位',
      '完成时限',
      '1',
      '开展市容秩序专项整治行动。',
      '1.选定示范道路,细化工作措施;',
      '2.开展商业大街环境治理。',
      '区城管局',
      '11月底前',
      '2',
      '深入推进生活垃圾分类工作。',
      '区环卫所',
      '12月底前',
    ].join('\n');
    expect(withLineTables(text).split('\n')).toEqual([
      '1. 开展市容秩序专项整治行动。（1）选定示范道路,细化工作措施;（2）开展商业大街环境治理。完成时限：11月底前。',
      '牵头单位：区城管局',
      '2. 深入推进生活垃圾分类工作。完成时限：12月底前。',
      '牵头单位：区环卫所',
    ]);
  });

  it('leaves lines that only look like a table as they are', () => {
    for (const text of [
      // numbered items after a heading, no column names
      '一、重点任务\n1\n加强扬尘管控。\n2\n推进散煤清零。',
      // column names of a table of other things
      '指标\n2025年\n目标\n1\nPM2.5\n42',
      // names of columns in prose
      '工作任务\n牵头单位\n1\n',
    ])
      expect(withLineTables(text)).toBe(text);
  });
});
