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

  it('reads a cell a paragraph: units one a line, a category printed a character a line, numbers restarting under it', () => {
    const text = cells(
      '任务清单',
      '类别',
      '序号',
      '主要任务',
      '责任单位',
      '配合单位',
      '1.\n分\n类\n投\n放',
      '1',
      '道路废物箱标识更新\n完成更新',
      '区绿化市容局',
      '区文明办\n区房管局',
      '2',
      '两网融合服务点建设，按照建设标准，建立\n“两网融合”服务点\n（累计数）',
      '区商务委',
      '各街道办事处',
      // printed twice, as a category cell over a page break is
      '2.\n分\n类\n运\n输',
      '2.\n分\n类\n运\n输',
      '1',
      '干垃圾车标识更新',
      '区绿化市容局',
    );
    expect(withLineTables(text).split('\n').filter(Boolean)).toEqual([
      '任务清单',
      '（一）分类投放',
      '1. 道路废物箱标识更新完成更新。',
      '配合单位：区文明办、区房管局',
      '责任单位：区绿化市容局',
      '2. 两网融合服务点建设，按照建设标准，建立“两网融合”服务点（累计数）。',
      '配合单位：各街道办事处',
      '责任单位：区商务委',
      '（二）分类运输',
      // a cell left out of a group's first row, under nothing, is empty, and 配合 is likelier empty
      '1. 干垃圾车标识更新。',
      '责任单位：区绿化市容局',
    ]);
  });

  it('reads sub-rows opening with a year: one assignment per sub-row whose units differ, merged cells repeated', () => {
    const text = cells(
      '序号',
      '主要任务',
      '节点',
      '指标数',
      '责任单位',
      '配合单位',
      '1',
      '创建达标分类小区',
      '2018年',
      '345个',
      '各街道办事处',
      '区文明办\n区绿化市容局',
      '2019年',
      '440个',
      '2',
      '各街道完成整区域分类覆盖',
      '2018年',
      '4个街道',
      '欧阳、曲阳街道',
      '区房管局',
      '2019年',
      '4个街道',
      '川北、嘉兴街道',
      '3',
      '各条线单位强制分类全覆盖',
      '2018年',
      '党政机关全覆盖',
      '区机管局',
      '区文明办',
      '2018—2020年',
      '教育条线全覆盖',
      '区教育局',
      '以上任务按年度考核。',
    );
    expect(withLineTables(text).split('\n').filter(Boolean)).toEqual([
      '1. 创建达标分类小区。',
      '配合单位：区文明办、区绿化市容局',
      '责任单位：各街道办事处',
      '2. 各街道完成整区域分类覆盖。',
      '配合单位：区房管局',
      '责任单位：欧阳、曲阳街道',
      '配合单位：区房管局',
      '责任单位：川北、嘉兴街道',
      '3. 各条线单位强制分类全覆盖。',
      '配合单位：区文明办',
      '责任单位：区机管局',
      '配合单位：区文明办',
      '责任单位：区教育局',
      '以上任务按年度考核。',
    ]);
  });

  it('reads a two-level header, a part printed across the table, an empty cell as a blank line more, a task merged down', () => {
    const text = [
      cells('序号', '试点任务', '细化措施', '工作绩效目标', '责任单位', '配合单位', '完成', '时限'),
      cells('一季度', '二季度', '三季度', '四季度', '一、持续强化规划引领'),
      // the four quarters empty: a run of blank lines
      cells('1', '推进生活垃圾分类规划', '建立简便易行的分类投放方式。') + '\n\n\n\n\n\n',
      cells('区城市管理局', '区机关事务局', '2020', '2', '强化分类工作评价。') + '\n\n\n\n\n\n',
      // 配合单位 empty: one blank line more
      '区民政局\n\n\n2020',
    ].join('\n\n');
    expect(withLineTables(text).split('\n').filter(Boolean)).toEqual([
      '一、持续强化规划引领',
      '（一）推进生活垃圾分类规划',
      '1. 建立简便易行的分类投放方式。完成时限：2020。',
      '配合单位：区机关事务局',
      '责任单位：区城市管理局',
      '2. 强化分类工作评价。完成时限：2020。',
      '责任单位：区民政局',
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

  it('reads rows of actions printed across the table and categories printed where they change', () => {
    const text = cells(
      '重点任务清单',
      '任务类型',
      '序号',
      '工作任务',
      '推进单位',
      '行动一：再造发展新极行动（综合区域整体焕新行动）',
      '1',
      '推进走马塘片区规划研究',
      '区规划资源局、区建设管理委',
      '行动二：重塑美丽新居行动',
      '旧区改造',
      '2',
      '全面完成中心城区零星二级旧里以下房屋改造',
      '区房管局、各相关街道',
      '旧住房更新改造',
      '3',
      '推进小梁薄板等老旧住房成套改造',
      '4',
      '完成既有多层住宅加装电梯700台',
      '“美丽家园”建设',
      '5',
      '创建20个新时代“美丽家园”特色小区、10个示范小区',
      '公共空间优化',
      '6',
      '完成公共空间优化项目',
      '区绿化市容局',
      '7',
      '改建或新建9座左右口袋公园',
    );
    expect(withLineTables(text).split('\n').filter(Boolean)).toEqual([
      '重点任务清单',
      '行动一：再造发展新极行动（综合区域整体焕新行动）',
      '1. 推进走马塘片区规划研究。',
      '责任单位：区规划资源局、区建设管理委',
      '行动二：重塑美丽新居行动',
      '（一）旧区改造',
      '2. 全面完成中心城区零星二级旧里以下房屋改造。',
      '责任单位：区房管局、各相关街道',
      '（二）旧住房更新改造',
      '3. 推进小梁薄板等老旧住房成套改造。',
      '责任单位：区房管局、各相关街道',
      '4. 完成既有多层住宅加装电梯700台。',
      '责任单位：区房管局、各相关街道',
      '（三）“美丽家园”建设',
      '5. 创建20个新时代“美丽家园”特色小区、10个示范小区。',
      '责任单位：区房管局、各相关街道',
      '（四）公共空间优化',
      '6. 完成公共空间优化项目。',
      '责任单位：区绿化市容局',
      '7. 改建或新建9座左右口袋公园。',
      '责任单位：区绿化市容局',
    ]);
  });
});
