// Word 97–2003 files read as the import view reads them (everything but the File API): LibreOffice's
// .doc files of a plan in prose and of a task table, password-protected, damaged and foreign
// containers, and a single-file web page that Word saved.
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../domain/plan/plan-parser';
import { PLAN_DOC, TABLE_DOC } from '../../../tests/fixtures/doc/word97-fixtures';
import { mhtHtml, readWord97 } from './word-file';
import { singleFileWebPage } from '../../../tests/fixtures/doc/mht';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/doc/${name}`, import.meta.url)));

function text(bytes: Uint8Array): string {
  const read = readWord97(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.text;
}

/** A copy of a .doc with its WordDocument and 1Table streams changed. */
function rewrite(
  bytes: Uint8Array,
  change: (word: Uint8Array, table: Uint8Array) => Uint8Array | void,
): Uint8Array {
  const container = CFB.read(bytes, { type: 'array' });
  const [word, table] = ['/WordDocument', '/1Table'].map((name) => CFB.find(container, name)!);
  const wordBytes = Uint8Array.from(word!.content);
  const tableBytes = Uint8Array.from(table!.content);
  const newTable = change(wordBytes, tableBytes) ?? tableBytes;
  for (const [entry, content] of [
    [word!, wordBytes],
    [table!, newTable],
  ] as const) {
    entry.content = content;
    entry.size = content.length;
  }
  return Uint8Array.from(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
}

/** The offset of FibRgFcLcb97's pair `index` in a FIB written by LibreOffice (csw 14, cslw 22). */
const fcLcbAt = (index: number) => 154 + index * 8;

describe('Word 97–2003 files', () => {
  it('reads the main text of a plan: paragraphs and line breaks as lines, fields as their results', () => {
    const lines = text(fixture('word97-plan.doc')).split('\n');
    expect(lines).toEqual(PLAN_DOC.paragraphs.flatMap((p) => p.split('\n')));
    // The HYPERLINK field reads as its text, the footnote's mark and text, header and footer not at all.
    const all = lines.join('\n');
    for (const absent of ['HYPERLINK', PLAN_DOC.link.url, PLAN_DOC.footnote, PLAN_DOC.header, 'PAGE', '页']) {
      expect(all).not.toContain(absent);
    }
    const plan = parsePlan(all, 'word97-plan.doc').plans[0]!;
    expect(plan.doc_number).toBe('惠政办〔2026〕61号');
    expect(plan.title).toBe('惠济区2026年秋冬季大气污染防治攻坚方案');
    expect(plan.tasks.map((t) => [t.number, t.title, t.section])).toEqual([
      ['1', '涉气企业深度治理', '（一）工业污染治理'],
      ['2', '散煤清零', '（一）工业污染治理'],
      ['3', '建筑工地扬尘管控', '（二）扬尘污染治理'],
    ]);
    expect(plan.tasks[0]!.assignments[0]).toMatchObject({
      lead_units: ['区生态环境分局'],
      cooperating_units: ['区工业和信息化局', '区发展改革委'],
      responsible_units: ['各镇（街道）'],
    });
    expect(plan.tasks[1]!.deadlines).toEqual(['2026-12-15']);
  });

  it('reads a task table as task lines: merged cells expanded, a cell’s paragraphs kept together', () => {
    const lines = text(fixture('word97-task-table.doc')).split('\n');
    expect(lines).toEqual([
      ...TABLE_DOC.before,
      '（一）施工扬尘',
      '1. 建筑工地扬尘管控。在建工地视频监控联网。未达标工地一律停工整改。完成时限：2026年11月30日前。',
      '牵头单位：区住房城乡建设局',
      '配合单位：区城管局、区生态环境分局',
      '2. 裸露地块苫盖。完成裸露地块排查和苫盖。完成时限：12月15日前。',
      '牵头单位：区住房城乡建设局',
      '配合单位：区自然资源局',
      '3. 渣土车辆治理。渣土车辆全部密闭运输。完成时限：年底前。',
      '牵头单位：区住房城乡建设局',
      '（二）道路扬尘',
      '4. 道路机械化清扫。主次干道机械化清扫率达到100%。完成时限：12月31日前。',
      '牵头单位：区城管局',
      '配合单位：区交通运输局、区公安分局',
      '5. 道路积尘负荷监测。每月走航监测，通报排名。完成时限：每月。',
      '牵头单位：区城管局',
      '配合单位：区生态环境分局',
      ...TABLE_DOC.after,
    ]);
    const plan = parsePlan(lines.join('\n'), 'word97-task-table.doc').plans[0]!;
    expect(plan.doc_number).toBe('惠政办〔2026〕62号');
    expect(plan.tasks.map((t) => t.assignments[0]?.lead_units)).toEqual([
      ['区住房城乡建设局'],
      ['区住房城乡建设局'],
      ['区住房城乡建设局'],
      ['区城管局'],
      ['区城管局'],
    ]);
    // An empty cell stays empty: only merged cells repeat the one above.
    expect(plan.tasks[2]!.assignments[0]?.cooperating_units).toEqual([]);
  });

  it('reads text stored 8 bits a character as well as UTF-16, in pieces after property runs', () => {
    const ascii = fixture('word97-ascii.doc');
    const expected = 'Huiji District dust control plan\n1. Road sweeping. Done by 31 December.';
    expect(text(ascii)).toBe(expected);
    // LibreOffice stores all text as UTF-16 at byte 2048. Store the first paragraph (33 characters)
    // again 8 bits a character, and give the file a new piece table: a property run (as fast saves
    // leave), then a compressed piece for the first paragraph and a UTF-16 one for the rest.
    const mixed = rewrite(ascii, (word, table) => {
      const first = new TextDecoder('utf-16le').decode(word.subarray(2048, 2048 + 66));
      [...first].forEach((c, i) => (word[2048 + i] = c.charCodeAt(0)));
      const clx = new Uint8Array(3 + 2 + 5 + 3 * 4 + 2 * 8);
      const data = new DataView(clx.buffer);
      clx.set([0x01, 2, 0, 0x03, 0x24, 0x02]);
      data.setUint32(6, 3 * 4 + 2 * 8, true);
      [0, 33, 72].forEach((cp, i) => data.setUint32(10 + i * 4, cp, true));
      data.setUint32(22 + 2, (2048 * 2) | 0x40000000, true);
      data.setUint32(30 + 2, 2048 + 33 * 2, true);
      const fib = new DataView(word.buffer);
      fib.setUint32(fcLcbAt(33), table.length, true);
      fib.setUint32(fcLcbAt(33) + 4, clx.length, true);
      return Uint8Array.from([...table, ...clx]);
    });
    expect(text(mixed)).toBe(expected);
  });
});

describe('Word files that cannot be read', () => {
  it('refuses a password-protected file, as its FIB says', () => {
    const encrypted = rewrite(fixture('word97-plan.doc'), (word) => void (word[0x0b]! |= 0x01));
    expect(readWord97(encrypted)).toEqual({ ok: false, reason: 'encrypted' });
    // Word 2007's encrypted files: a container holding the encrypted package.
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'EncryptionInfo', new Uint8Array(64));
    CFB.utils.cfb_add(container, 'EncryptedPackage', new Uint8Array(4096));
    const docx = Uint8Array.from(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
    expect(readWord97(docx)).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('refuses a Word 95 file and a container with no Word document in it', () => {
    const word95 = rewrite(fixture('word97-plan.doc'), (word) => void word.set([0x68, 0], 2));
    expect(readWord97(word95)).toEqual({ ok: false, reason: 'unsupported' });
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'Workbook', new Uint8Array(4096));
    const xls = Uint8Array.from(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
    expect(readWord97(xls)).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('throws on a damaged or truncated file', () => {
    const doc = fixture('word97-task-table.doc');
    expect(() => readWord97(doc.subarray(0, 4096))).toThrow();
    expect(() => readWord97(doc.subarray(0, 400))).toThrow();
    // The text runs past the end of its stream.
    const cut = rewrite(doc, (word) => new DataView(word.buffer).setInt32(76, 1e6, true));
    expect(() => readWord97(cut)).toThrow(RangeError);
    const notWord = rewrite(doc, (word) => void word.fill(0, 0, 2));
    expect(() => readWord97(notWord)).toThrow(RangeError);
  });
});

describe('single-file web pages (MHT) saved by Word', () => {
  it('gives the page, decoded in its charset', () => {
    // "一、总体要求" in GB2312, quoted-printable, with a soft line break.
    const mht = singleFileWebPage(
      ['<html><body><p class=3DMsoNormal>=D2=BB=A1=A2=D7=DC=CC=E5=', '=D2=AA=C7=F3</p></body></html>'].join(
        '\r\n',
      ),
      'gb2312',
    );
    const bytes = Uint8Array.from(mht, (c) => c.charCodeAt(0) & 0xff);
    expect(mhtHtml(bytes)?.trim()).toBe('<html><body><p class=MsoNormal>一、总体要求</p></body></html>');
  });
});
