// The text of an uploaded plan file: UTF-8 or, as many government files still are, GB18030
// (GBK); refused with a reason when it is empty or not text at all (a .doc, an image, a zip).
export type PlanFileRefusal = 'empty' | 'binary';

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
