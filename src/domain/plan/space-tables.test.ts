import { describe, expect, it } from 'vitest';
import { alignRow, withSpaceTables } from './space-tables';

const COLUMNS = ['number', 'category', 'task', 'measures', 'lead', 'cooperating', 'responsible'] as const;
const HEADER = '序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位';
const MEASURE = '实施用水总量和强度双控行动，防止不合理新增取水。';

describe('alignRow', () => {
  it('joins a narrow cell wrapped at spaces, its last piece no wider than the ones before', () => {
    const pieces = `1 加强水资源保 护 严守水资源开发利用控制红线 ${MEASURE} 市水利局 市发展改革委、农业局等 各县(市、区)人民政府`;
    expect(alignRow([...COLUMNS], pieces.split(' '))).toEqual([
      '1',
      '加强水资源保 护',
      '严守水资源开发利用控制红线',
      MEASURE,
      '市水利局',
      '市发展改革委、农业局等',
      '各县(市、区)人民政府',
    ]);
  });

  it('reads two spaces as an empty cell', () => {
    const pieces = `2  严守用水 效率控制 红线 ${MEASURE} 市水利局 市住房和城乡建设局 各县(市、区)人民政府`;
    expect(alignRow([...COLUMNS], pieces.split(' '))).toEqual([
      '2',
      '',
      '严守用水 效率控制 红线',
      MEASURE,
      '市水利局',
      '市住房和城乡建设局',
      '各县(市、区)人民政府',
    ]);
  });

  it('leaves the cells a row does not have (merged into the row above) null, in unit columns first', () => {
    const pieces = `3 加强河湖水域岸线管理 划定河湖管理范围。 市水利局`;
    expect(alignRow([...COLUMNS], pieces.split(' '))).toEqual([
      '3',
      null,
      '加强河湖水域岸线管理',
      '划定河湖管理范围。',
      '市水利局',
      null,
      null,
    ]);
  });

  it('puts dates under 时限 and a wrapped unit list back together', () => {
    const columns = ['number', 'task', 'lead', 'responsible', 'deadline'] as const;
    const pieces = '1 开展扬尘专项 整治 区住建局 区城管局、区交通运输 局、各街道办事处 2023年6月底前'.split(
      ' ',
    );
    expect(alignRow([...columns], pieces)).toEqual([
      '1',
      '开展扬尘专项 整治',
      '区住建局',
      '区城管局、区交通运输 局、各街道办事处',
      '2023年6月底前',
    ]);
  });

  it('refuses a row whose first piece is no number', () => {
    expect(alignRow([...COLUMNS], '一 加强 管理 措施。 市水利局'.split(' '))).toBeNull();
  });
});

describe('withSpaceTables', () => {
  it('turns a table flattened to one row a line into task lines, and leaves the text around it', () => {
    const text = [
      '平顶山市全面推行河长制主要任务分解表',
      HEADER,
      `1 加强水资源保 护 严守水资源开发利用控制红线 ${MEASURE} 市水利局 市发展改革委、农业局等 各县(市、区)人民政府`,
      `2  严守用水 效率控制 红线 ${MEASURE} 市水利局 市住房和城乡建设局 各县(市、区)人民政府`,
      '3 加强河湖水域岸线管理 划定河湖管理范围。 市水务集团',
      '本表由市河长办负责解释。',
    ].join('\n');
    expect(withSpaceTables(text).split('\n')).toEqual([
      '平顶山市全面推行河长制主要任务分解表',
      '（一）加强水资源保护',
      `1. 严守水资源开发利用控制红线。${MEASURE}`,
      '牵头单位：市水利局',
      '配合单位：市发展改革委、农业局等',
      '责任单位：各县(市、区)人民政府',
      `2. 严守用水效率控制红线。${MEASURE}`,
      '牵头单位：市水利局',
      '配合单位：市住房和城乡建设局',
      '责任单位：各县(市、区)人民政府',
      // Its category and its other units are the merged cells of the rows above.
      '3. 加强河湖水域岸线管理。划定河湖管理范围。',
      '牵头单位：市水务集团',
      '配合单位：市住房和城乡建设局',
      '责任单位：各县(市、区)人民政府',
      '本表由市河长办负责解释。',
    ]);
  });

  it('tells a merged 牵头 cell from an empty 配合 one by what the row above holds', () => {
    const text = [
      '序号 类别 工作任务 具体措施 牵头单位 配合单位 责任单位 完成时限',
      '1 施工扬尘 工地视频监控 在建工地视频监控联网 区住建局 区城管局 各镇（街道） 2026年11月30日',
      // 类别 and 牵头单位 merged with the row above, 配合单位 empty.
      '2 裸露地块苫盖 完成裸露地块排查和苫盖  各镇（街道） 12月15日',
    ].join('\n');
    expect(withSpaceTables(text).split('\n').slice(5)).toEqual([
      '2. 裸露地块苫盖。完成裸露地块排查和苫盖。完成时限：12月15日前。',
      '牵头单位：区住建局',
      '责任单位：各镇（街道）',
    ]);
  });

  it('reads a group heading across the table as a section, and blank lines between rows', () => {
    const text = [
      '序号 工作任务 责任单位 完成时限',
      '一、大气污染防治',
      '',
      '1 淘汰燃煤锅炉 区生态环境局 2023年底前',
      '二、水污染防治',
      '2 整治入河排污口 区水务局 2023年9月底前',
    ].join('\n');
    expect(withSpaceTables(text).split('\n')).toEqual([
      '（一）大气污染防治',
      '1. 淘汰燃煤锅炉。完成时限：2023年底前。',
      '责任单位：区生态环境局',
      '（二）水污染防治',
      '2. 整治入河排污口。完成时限：2023年9月底前。',
      '责任单位：区水务局',
    ]);
  });

  it('leaves text alone when a line of column names is not a header or no row follows', () => {
    const prose = [
      '序号 工作任务 责任单位 完成时限 由各单位填写后报送。',
      '1 淘汰燃煤锅炉 区生态环境局 2023年底前',
    ];
    expect(withSpaceTables(prose.join('\n'))).toBe(prose.join('\n'));
    const headerOnly = ['序号 工作任务 责任单位 完成时限', '一、总体要求', '坚持问题导向。'].join('\n');
    expect(withSpaceTables(headerOnly)).toBe(headerOnly);
    // Without 序号 first, a row cannot be told from a sentence.
    const noNumber = ['工作任务 责任单位 完成时限', '淘汰燃煤锅炉 区生态环境局 2023年底前'].join('\n');
    expect(withSpaceTables(noNumber)).toBe(noNumber);
  });

  it('ends the table at the first line that is no row', () => {
    const text = [
      '序号 工作任务 责任单位',
      '1 淘汰燃煤锅炉 区生态环境局',
      '四、保障措施',
      '（一）加强组织领导。',
    ].join('\n');
    expect(withSpaceTables(text).split('\n')).toEqual([
      '1. 淘汰燃煤锅炉。',
      '责任单位：区生态环境局',
      '四、保障措施',
      '（一）加强组织领导。',
    ]);
  });
});
