// Word files that are not .docx, read with SheetJS's cfb. Word 97–2003 files (.doc, and WPS's
// .wps) are Compound File containers: cfb opens the container and domain/plan/word97-text reads the
// document in it. An encrypted Word 2007 file is such a container too. A single-file web page (MHT)
// that Word saved is a MIME message cfb reads as well. The import view loads this module, cfb with
// it, on first use, in its own chunk.
import CFB from 'cfb';
import { word97Text, type Word97Text } from '../../domain/plan/word97-text';

/** Throws when the container or the document in it is damaged. */
export function readWord97(bytes: Uint8Array): Word97Text {
  const container = CFB.read(bytes, { type: 'array' });
  const stream = (name: string): Uint8Array | null => {
    const content = CFB.find(container, `/${name}`)?.content;
    return content ? Uint8Array.from(content) : null;
  };
  if (stream('EncryptionInfo')) return { ok: false, reason: 'encrypted' };
  const wordDocument = stream('WordDocument');
  if (!wordDocument) return { ok: false, reason: 'unsupported' };
  return word97Text(wordDocument, stream);
}

/** The page of a single-file web page, decoded as its part says (Word writes gb2312 or utf-8). */
export function mhtHtml(bytes: Uint8Array): string | null {
  const parts = CFB.read(bytes, { type: 'array' }).FileIndex;
  const page = parts.find((part) => /^text\/html\b/i.test(part.ctype ?? ''));
  if (!page) return null;
  const charset = /charset="?([\w-]+)/i.exec(page.ctype!)?.[1] ?? 'utf-8';
  return new TextDecoder(charset).decode(Uint8Array.from(page.content));
}
