// The text of an uploaded plan file: UTF-8 or, as many government files still are, GB18030
// (GBK); refused with a reason when it is empty or not text at all (a .doc, an image, a zip). And
// what a file is by its first bytes, whatever its name says.
export type PlanFileRefusal = 'empty' | 'binary';

/**
 * Compound File (Word 97–2003, WPS, an encrypted Office file), zip (.docx), PDF, RTF, a web page, a
 * single-file web page (MHT) or Word 2003 XML. Word opens a ".doc" that is any of these, and many
 * are: a web page saved by Word or exported by an office system, or a .docx renamed.
 */
export type FileFormat = 'cfb' | 'zip' | 'pdf' | 'rtf' | 'html' | 'mht' | 'word-xml' | 'other';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (CFB_SIGNATURE.every((b, i) => bytes[i] === b)) return 'cfb';
  // Latin-1 keeps the bytes apart, whatever the encoding of the text that follows.
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 1024))
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('pk\x03\x04')) return 'zip';
  if (head.startsWith('%pdf-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.startsWith('mime-version:')) return 'mht';
  if (head.startsWith('<?xml') && /<w:worddocument\b|progid="word\.document"/.test(head)) return 'word-xml';
  if (head.startsWith('<') && /<(?:html|body|!doctype html)\b/.test(head)) return 'html';
  return 'other';
}

export type DecodedText =
  { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; reason: PlanFileRefusal };

/** Control characters other than tab, line feed, form feed and carriage return. */
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;
}

export function decodePlanText(bytes: Uint8Array): DecodedText {
  const sample = bytes.subarray(0, 8192);
  // Text has no NUL bytes and almost no other control characters; Office and PDF files do.
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return { ok: false, reason: 'binary' };
    if (isControl(b)) controls++;
  }
  if (controls > sample.length / 100) return { ok: false, reason: 'binary' };
  let text: string;
  let encoding: 'utf-8' | 'gb18030' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    encoding = 'gb18030';
    text = new TextDecoder('gb18030').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding };
}
