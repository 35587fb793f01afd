import { describe, expect, it } from 'vitest';
import { withGluedTables } from './glued-tables';
import { physicalLines } from './normalize-text';
import { parsePlan } from './plan-parser';

const read = (text: string) => withGluedTables(physicalLines(text)).map((l) => l.text);

const TABLE =
  '贯彻落实生活垃圾分类制度重点任务责任分工表序号工作内容目标任务责任单位备注' +
  '1将生活垃圾分类投放作为精神文明建设的重要内容,加强宣传发动。2021年2月底前,群众知晓率达90%以上。' +
  '市委宣传部(市文明办)、市城管委,市妇联等部门,各区(市)县政府(管委会)' +
  '2完善生活垃圾回收利用体系,优化社区回收设施布局。2021年2月底前,基本建成回收利用体系。市商务局,市住建局' +
  '3加强家庭源危险废物处置的规范化管理。2021年6月底前,完善处置体系。市生态环境局';

describe('withGluedTables', () => {
  it('reads the rows and cells of a table run together after its title', () => {
    expect(read(TABLE)).toEqual([
      '贯彻落实生活垃圾分类制度重点任务责任分工表',
      '1.将生活垃圾分类投放作为精神文明建设的重要内容,加强宣传发动。2021年2月底前,群众知晓率达90%以上。',
      '责任单位：市委宣传部(市文明办)、市城管委,市妇联等部门,各区(市)县政府(管委会)',
      '2.完善生活垃圾回收利用体系,优化社区回收设施布局。2021年2月底前,基本建成回收利用体系。',
      '责任单位：市商务局,市住建局',
      '3.加强家庭源危险废物处置的规范化管理。2021年6月底前,完善处置体系。',
      '责任单位：市生态环境局',
    ]);
  });

  it("shares a row's units out over 牵头 and 配合 where one name runs into the next, and opens groups", () => {
    const lines = read(
      '土壤污染治理重点任务及实施进度表序号主要任务任务分解及实施进度牵头单位配合单位2018年2019年2023年2025年' +
        '一、基础能力建设1农用地详查完成农用地土壤污染状况详查,全面摸清农用地土壤污染底数,查明污染面积、类型、分布、成因及其危害。' +
        '全面评估全区耕地种植适宜性,建立耕地分类清单,完善耕地土壤环境质量档案。区农委、区环保局区财政局、相关镇街等' +
        '2类别划定完成耕地土壤环境质量类别划定工作。区农委区环保局、区林业局',
    );
    expect(lines.filter((l) => /单位|^（/.test(l))).toEqual([
      '（一）基础能力建设',
      '牵头单位：区农委、区环保局',
      '配合单位：区财政局、相关镇街等',
      '牵头单位：区农委',
      '配合单位：区环保局、区林业局',
    ]);
  });

  it('keeps lines that hold no such table', () => {
    // Rows whose last words are no units: a text, not a table.
    const text = `序号工作内容责任单位1加强宣传发动。广泛开展宣传活动${'并'.repeat(200)}2完善回收体系。优化回收网点设置`;
    expect(read(text)).toEqual([text]);
    // Column names in running text, with no row after them.
    const prose = `本方案所称序号工作内容责任单位,均按附表填写。${'加强管理。'.repeat(50)}`;
    expect(read(prose)).toEqual([prose]);
  });

  it('gives the tasks, deadlines and units of a pasted table run together', () => {
    const plan = parsePlan(TABLE).plans[0]!;
    expect(plan.title).toBe('贯彻落实生活垃圾分类制度重点任务责任分工表');
    expect(
      plan.tasks.map((t) => [t.number, t.deadlines, t.assignments[0]!.responsible_units.length]),
    ).toEqual([
      ['1', ['2021-02-28'], 4],
      ['2', ['2021-02-28'], 2],
      ['3', ['2021-06-30'], 1],
    ]);
  });
});
