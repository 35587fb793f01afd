import { describe, expect, it } from 'vitest';
import { asPdfLines } from '../../../tests/fixtures/plan-layouts';
import { joinBrokenLines, wrapWidth } from './line-joining';
import { physicalLines } from './normalize-text';

const joined = (text: string) => joinBrokenLines(physicalLines(text)).map((l) => l.text);

const PARAGRAPH =
  '为进一步加强大气污染防治，推动大气环境质量持续改善，保障人民群众身体健康，根据有关法律法规，结合我区实际，制定本方案。';

describe('wrapWidth', () => {
  it('finds the width a PDF broke its lines at, counting full-width marks as one and digits as half', () => {
    expect(wrapWidth(physicalLines(asPdfLines(`${PARAGRAPH}\n${PARAGRAPH}`, 28)))).toBe(28);
    expect(wrapWidth(physicalLines(asPdfLines(`2019年，${PARAGRAPH}`.repeat(2), 22)))).toBe(22);
  });

  it('finds it in a list of short items where only some lines wrap', () => {
    const long = '1.受保护地区面积占国土面积比例。责任单位:市环境保护局,配合单位:市林业局;';
    const short = [
      '市城市管理行政执法局',
      '市环境保护局',
      '市统计局',
      '市公安局交警支队',
      '市住房和城乡建设局',
    ].map((unit) => `2.建成区绿化覆盖率。责任单位:${unit};`);
    const text = [...short, long, ...short, long, long].join('\n');
    expect(wrapWidth(physicalLines(asPdfLines(text, 33)))).toBe(33);
  });

  it('finds none where each line is a paragraph, or lines are short', () => {
    expect(
      wrapWidth(
        physicalLines(
          [PARAGRAPH, '（一）调整产业结构', `${PARAGRAPH}重点抓好散煤治理。`, '牵头单位：区发改委'].join(
            '\n',
          ),
        ),
      ),
    ).toBeNull();
    expect(wrapWidth(physicalLines('一、主要任务\n牵头单位：区发改委\n责任单位：各镇（街道）'))).toBeNull();
  });
});

describe('lines a PDF broke at its width', () => {
  it('ends a heading that happens to fill the line where a blank line follows it, and joins it where none does', () => {
    const heading = '（一）严把“源头清洗关”，规范冲洗设施运行';
    const text = (gap: string) =>
      asPdfLines(`${PARAGRAPH}\n${heading}${gap}\n${PARAGRAPH}\n${PARAGRAPH}`, 22);
    expect(joined(text('\n'))).toContain(heading);
    expect(joined(text(''))).not.toContain(heading);
  });

  it('ends a heading that fills the line where a field follows it', () => {
    const heading = '3．装修垃圾（居住区、沿街商铺、机关及企事业单位）';
    const text = asPdfLines(
      `${PARAGRAPH}\n${heading}\n申报主体：由各街镇集体环卫作业公司统一申报。\n${PARAGRAPH}`,
      25,
    );
    expect(joined(text)).toContain(heading);
  });

  it('joins a bracket of units broken between its labels', () => {
    expect(
      joined('工程完工。(牵头单位:区环保水务局;\n\n协办单位:区土地整备局、石岩街道办)\n22.出台规划。'),
    ).toEqual(['工程完工。(牵头单位:区环保水务局;协办单位:区土地整备局、石岩街道办)', '22.出台规划。']);
  });

  it('joins a line broken after 与, not a heading that ends with the word 参与', () => {
    expect(joined('（十）倡导绿色低碳全民参与\n组织好全国节能宣传周等主题宣传活动。')).toEqual([
      '（十）倡导绿色低碳全民参与',
      '组织好全国节能宣传周等主题宣传活动。',
    ]);
    expect(joined('（三）加强水污染防治与\n生态修复')).toEqual(['（三）加强水污染防治与生态修复']);
  });

  it('joins a list of units broken inside a name, adding no separator', () => {
    const text = asPdfLines(
      `${PARAGRAPH}\n落实单位：区住建局、区城市管理局、区环境卫生服务中心、生态环境分局、相关街道办事处`,
      28,
    );
    expect(text).toContain('、生\n态环境分局');
    expect(joined(text)[1]).toBe(
      '落实单位：区住建局、区城市管理局、区环境卫生服务中心、生态环境分局、相关街道办事处',
    );
  });

  it('still gives a short list line its separator back when the next line names more units', () => {
    expect(
      joined(`${asPdfLines(PARAGRAPH, 28)}\n配合单位：县发改委、水利局\n各乡镇（街道）、黎阳建管办`),
    ).toContain('配合单位：县发改委、水利局、各乡镇（街道）、黎阳建管办');
  });

  it('goes on inside a bracket that a full line leaves open, also after a full stop', () => {
    const task =
      '1.强化源头管控。完成编制工作。(市生态环境局牵头,各县市区人民政府和园区管委会负责落实。各县市区政府包含咸阳高新区管委会。以下不再列出)';
    const text = asPdfLines(`${PARAGRAPH}\n${task}`, 22);
    expect(text).toContain('负责落实。\n');
    expect(joined(text).slice(1)).toEqual([task]);
  });

  it('goes on from a full line of fields to the next field, not from a short one', () => {
    const fields =
      '分管责任人:XX主任、XX同志。责任人:包村干部、村书记。责任部门:镇国土资源管理所、镇综合执法队、镇公路交通管理站。责任单位:各村。';
    const text = asPdfLines(`${PARAGRAPH}\n2.加强扬尘污染治理。\n${fields}`, 28);
    expect(text).toContain('管理站。\n责任单位');
    expect(joined(text).slice(-1)).toEqual([fields]);
    expect(joined('责任部门:镇环保站。\n责任单位:各村。')).toHaveLength(2);
  });

  it('goes on where the next line closes a bracket the line before left open', () => {
    expect(joined('实行卫生保洁全覆盖管理。(牵头单位:区建设管理局;完成时限:\n年月日前)。')).toEqual([
      '实行卫生保洁全覆盖管理。(牵头单位:区建设管理局;完成时限:年月日前)。',
    ]);
    // A bracket closed on its own line is no rest of the one before.
    expect(joined('加强管理。\n(责任单位:区环保局)')).toHaveLength(2);
  });

  it('goes on after a full line ending in a bracket, a label or words that look like a web page', () => {
    const text = asPdfLines(
      `${PARAGRAPH}\n1.制定准入清单。完成生态保护红线环境质量底线资源利用上线编制工作。〔市生态环境局牵头，各县、区人民政府（管委会）负责落实。〕\n2.完善鄂州球团厂厂区防护绿地。责任单位：鄂州球团厂，完成时间：2009年5月10日前。`,
      28,
    );
    expect(text).toContain('（管委会）\n负责落实');
    expect(text).toContain('完成\n时间：');
    expect(joined(text).slice(1)).toEqual([
      '1.制定准入清单。完成生态保护红线环境质量底线资源利用上线编制工作。〔市生态环境局牵头，各县、区人民政府（管委会）负责落实。〕',
      '2.完善鄂州球团厂厂区防护绿地。责任单位：鄂州球团厂，完成时间：2009年5月10日前。',
    ]);
  });

  it('keeps a title that fills its line, and a line ending 全文如下:, apart from the text after them', () => {
    const title = '海东市打赢蓝天保卫战三年行动实施方案(2018-2020年)';
    expect(joined(asPdfLines(`${PARAGRAPH}\n${title}\n${PARAGRAPH}`, 25))).toContain(title);
    const lead = '日前,湖北襄阳印发《襄阳市2019年打赢蓝天保卫战工作要点》。全文如下:';
    expect(joined(asPdfLines(`${lead}\n襄阳市2019年打赢蓝天保卫战工作要点\n${PARAGRAPH}`, 33))).toContain(
      '襄阳市2019年打赢蓝天保卫战工作要点',
    );
  });

  it('joins a label at the end of a full line to the names on the next', () => {
    const text = asPdfLines(
      `${PARAGRAPH}\n化工生产企业入园进区率年底前提高至八成。(牵头单位:区经信局、发改局,责任单位:各乡镇街道园区)`,
      25,
    );
    expect(text).toContain('(牵头单位:\n');
    expect(joined(text)).toContain(
      '化工生产企业入园进区率年底前提高至八成。(牵头单位:区经信局、发改局,责任单位:各乡镇街道园区)',
    );
  });
});

describe('time stamps', () => {
  it('keep a web page time stamp apart from the title after it', () => {
    expect(
      joined('县水源地整治工作方案\n\n2020-12-25 18:49:20\n\n XX县水源地整治工作方案\n\n 为加快推进'),
    ).toEqual(['县水源地整治工作方案', '2020-12-25 18:49:20', 'XX县水源地整治工作方案', '为加快推进']);
  });
});

describe('document numbers', () => {
  it('keeps a number on its own line apart, but not one a full line broke, nor the tail of a citation', () => {
    expect(joined('为全面落实上级部署，制定本方案，请各单位认真执行\n鹤政办〔2018〕9号')).toHaveLength(2);
    const title =
      '杭州市拱墅区人民政府办公室关于印发拱墅区“清洁排放区”建设暨大气污染防治2018年实施计划的通知 拱政办发〔2018〕42号';
    const wrapped = asPdfLines(`${PARAGRAPH}\n${title}`, 25);
    expect(wrapped).toContain('拱政办\n发〔2018〕42号');
    expect(joined(wrapped)[1]).toMatch(/实施计划的通知 ?拱政办发〔2018〕42号$/);
    expect(
      joined(
        '根据《鹤壁市2018年水污染防治攻坚战实施方案的通知》(\n鹤政办〔2018〕9号),强力推动各项工作任务实施。',
      ),
    ).toHaveLength(1);
  });
});
