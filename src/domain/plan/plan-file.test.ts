import { describe, expect, it } from 'vitest';
import { decodePlanText, sniffFormat } from './plan-file';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodePlanText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodePlanText(utf8('一、总体要求\n'))).toEqual({
      ok: true,
      text: '一、总体要求\n',
      encoding: 'utf-8',
    });
    expect(decodePlanText(utf8('\uFEFF二、主要任务'))).toMatchObject({ ok: true, text: '二、主要任务' });
  });

  it('reads GB18030 (GBK) text, as older government files are saved', () => {
    // "一、总体要求" in GBK.
    const gbk = Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3]);
    expect(decodePlanText(gbk)).toEqual({ ok: true, text: '一、总体要求', encoding: 'gb18030' });
  });

  it('refuses empty and binary files with a reason', () => {
    expect(decodePlanText(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodePlanText(utf8(' \n\t '))).toEqual({ ok: false, reason: 'empty' });
    // The start of a .docx (a zip) and of a PNG.
    expect(decodePlanText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({
      ok: false,
      reason: 'binary',
    });
    expect(decodePlanText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toEqual({
      ok: false,
      reason: 'binary',
    });
  });
});

describe('sniffFormat', () => {
  const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

  it('tells files apart by their first bytes, whatever their names say', () => {
    expect(sniffFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('cfb');
    expect(sniffFormat(bytes('PK\x03\x04\x14\x00'))).toBe('zip');
    expect(sniffFormat(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFormat(bytes('{\\rtf1\\ansi\\ansicpg936'))).toBe('rtf');
    expect(sniffFormat(bytes('MIME-Version: 1.0\r\nContent-Type: multipart/related'))).toBe('mht');
    const wordXml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>';
    expect(sniffFormat(utf8(`${wordXml}\n<w:wordDocument xmlns:w="…">`))).toBe('word-xml');
    expect(sniffFormat(utf8('一、总体要求'))).toBe('other');
  });

  it('knows a web page saved as .doc, with or without a byte-order mark or a doctype', () => {
    const word = '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset=gb2312>';
    expect(sniffFormat(utf8(word))).toBe('html');
    expect(sniffFormat(utf8(`\uFEFF\r\n<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n${word}`))).toBe(
      'html',
    );
    expect(sniffFormat(utf8('<p>not a page</p>'))).toBe('other');
  });
});
