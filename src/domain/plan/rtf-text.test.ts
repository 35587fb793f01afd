import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan-parser';
import { rtfText } from './rtf-text';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/doc/${name}`, import.meta.url)));

/** GBK's two bytes of each Chinese character, found by decoding every pair once. */
const GBK = new Map<string, string>();
{
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !GBK.has(char))
        GBK.set(char, `\\'${lead.toString(16)}\\'${trail.toString(16)}`);
    }
}

/** Text as Word writes it in a Chinese document: ASCII as is, Chinese as GBK bytes in \'hh. */
const gbk = (text: string) => [...text].map((c) => (c < '\x80' ? c : GBK.get(c)!)).join('');

/** A Word-style RTF document: code page 936, 宋体 (GB2312) as font 13, a header and the body. */
const wordRtf = (...body: string[]) =>
  new TextEncoder().encode(
    [
      '{\\rtf1\\adeflang1025\\ansi\\ansicpg936\\uc2\\adeff0\\deff0',
      `{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2 Times New Roman;}{\\f13\\fbidi \\fnil\\fcharset134\\fprq2{\\*\\panose 02010600030101010101}${gbk('宋体')};}}`,
      '{\\colortbl;\\red0\\green0\\blue0;}',
      `{\\*\\generator Microsoft Word 11.0.0000;}{\\info{\\title ${gbk('方案')}}{\\author x}}`,
      `{\\header \\pard\\plain \\f13 ${gbk('页眉文字')}\\par}`,
      ...body,
      '}',
    ].join('\r\n'),
  );

const para = (text: string) => `\\pard\\plain \\qj \\f13\\hich\\af13\\dbch\\af13\\loch\\f13 ${text}\\par`;

describe('rtfText', () => {
  it("reads Word's GBK bytes, \\uN with its fallback skipped, list numbers, fields' results and line breaks", () => {
    const text = rtfText(
      wordRtf(
        para(gbk('某区扬尘治理工作方案')),
        // A list item: its number in \listtext, the tab after it a space.
        `{\\listtext\\pard\\plain \\f13 ${gbk('一、')}\\tab}` + para(gbk('工作任务')),
        // \uc2: each \uN is followed by two bytes of fallback.
        para(`1.\\u21152\\'bc\\'d3\\u24378\\'c7\\'bf${gbk('工地管理')}\\line ${gbk('落实六个百分之百。')}`),
        para(
          `${gbk('牵头单位：')}{\\field{\\*\\fldinst {HYPERLINK "http://x.gov.cn"}}{\\fldrslt {${gbk('区住建局')}}}}`,
        ),
        para(
          `${gbk('完成时限')}{\\v ${gbk('隐藏文字')}}${gbk('：年底前')}{\\*\\bkmkstart a}{\\*\\bkmkend a}`,
        ),
        // A picture's binary data holds braces and backslashes that are not RTF.
        para(`{\\pict\\wmetafile8\\bin6 {}\\\\{}${gbk('图')}}\\emdash ${gbk('完')}`),
        `{\\footnote \\pard\\plain ${gbk('脚注')}\\par}`,
      ),
    );
    expect(text.split('\n')).toEqual([
      '某区扬尘治理工作方案',
      '一、 工作任务',
      '1.加强工地管理',
      '落实六个百分之百。',
      '牵头单位：区住建局',
      '完成时限：年底前',
      '—完',
    ]);
  });

  it('reads a table row by row, a cell merged down repeating its text, as task lines', () => {
    const row = (cells: string[], merges: string[] = []) =>
      `\\trowd \\trgaph108\\trleft-108${cells.map((_, i) => `${merges[i] ?? ''}\\cellx${(i + 1) * 2000}`).join('')}` +
      cells.map((c) => `\\pard\\plain \\intbl \\f13 ${gbk(c)}\\cell `).join('') +
      `\\pard\\plain \\intbl {\\trowd${cells.map((_, i) => `${merges[i] ?? ''}\\cellx${(i + 1) * 2000}`).join('')}\\row }`;
    const text = rtfText(
      wordRtf(
        row(['序号', '工作任务', '牵头单位']),
        row(['1', '道路保洁', '区城管局'], ['', '', '\\clvmgf']),
        row(['2', '渣土车治理', ''], ['', '', '\\clvmrg']),
        para(gbk('以上任务按期完成。')),
      ),
    );
    expect(text.split('\n')).toEqual([
      '1. 道路保洁。',
      '牵头单位：区城管局',
      '2. 渣土车治理。',
      '牵头单位：区城管局',
      '以上任务按期完成。',
    ]);
  });

  it("reads LibreOffice's RTF of a task table (\\uN text, merged cells, a two-row header)", () => {
    const plan = parsePlan(rtfText(fixture('libreoffice-task-table.rtf'))).plans[0]!;
    expect(plan.doc_number).toBe('惠政办〔2026〕62号');
    expect(
      plan.tasks.map((t) => [t.number, t.assignments[0]!.lead_units.join('、'), t.deadlines.join()]),
    ).toEqual([
      ['1', '区住房城乡建设局', '2026-11-30'],
      ['2', '区住房城乡建设局', '2026-12-15'],
      ['3', '区住房城乡建设局', '2026-12-31'],
      ['4', '区城管局', '2026-12-31'],
      ['5', '区城管局', ''],
    ]);
    expect(plan.tasks[0]!.assignments[0]!.cooperating_units).toEqual(['区城管局', '区生态环境分局']);
  });

  it("reads LibreOffice's RTF of a plan in prose without its header, footer, footnote or field codes", () => {
    const text = rtfText(fixture('libreoffice-plan.rtf'));
    expect(text).toContain('2.散煤清零。12月15日前完成散煤复烧排查，排查结果在区政府网站公示。');
    expect(text).not.toMatch(/HYPERLINK|惠济区人民政府办公室文件|指每家企业/);
    const plan = parsePlan(text).plans[0]!;
    expect([plan.title, plan.tasks.length]).toEqual(['惠济区2026年秋冬季大气污染防治攻坚方案', 3]);
  });
});
