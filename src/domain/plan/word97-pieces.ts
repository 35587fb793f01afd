// The main text of a Word 97 file through its piece table ([MS-DOC] 2.9.38 Clx, 2.9.177 PlcPcd):
// the text lies in pieces anywhere in the WordDocument stream, each piece 8-bit ("compressed",
// Windows-1252) or UTF-16LE, and the table says which characters each holds and where.
import { slice, view, type Bytes } from './word97-bytes';
import type { FcLcb } from './word97-fib';

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  at: number;
  compressed: boolean;
}

export interface MainText {
  text: string;
  /** Where the character at `cp` is stored: what paragraph properties are looked up by. */
  fcOf(cp: number): number;
}

const PRC = 0x01;
const PCDT = 0x02;
const F_COMPRESSED = 0x40000000;
const FC_MASK = 0x3fffffff;
// [MS-DOC] 2.9.73 maps a compressed piece's bytes 0x82–0x9F as Windows-1252 does.
const CP1252 = new TextDecoder('windows-1252');
// A U+FEFF in the text is a character, not a byte-order mark to drop.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function readPieces(table: Bytes, clx: FcLcb): Piece[] {
  const bytes = slice(table, clx.fc, clx.lcb);
  const data = view(bytes);
  let at = 0;
  // Property changes that pieces of a fast-saved file refer to: not text.
  while (bytes[at] === PRC) at += 3 + data.getInt16(at + 1, true);
  if (bytes[at] !== PCDT) throw new RangeError('no piece table');
  const lcb = data.getUint32(at + 1, true);
  const plc = view(slice(bytes, at + 5, lcb));
  const count = (lcb - 4) / 12;
  if (!Number.isInteger(count) || count < 1) throw new RangeError('bad piece table');
  return Array.from({ length: count }, (_, i) => {
    const fc = plc.getUint32((count + 1) * 4 + i * 8 + 2, true);
    const compressed = (fc & F_COMPRESSED) !== 0;
    return {
      cpStart: plc.getUint32(i * 4, true),
      cpEnd: plc.getUint32(i * 4 + 4, true),
      at: compressed ? (fc & FC_MASK) / 2 : fc & FC_MASK,
      compressed,
    };
  });
}

/** The first `ccpText` characters: the main document, without notes, headers or comments. */
export function mainText(wordDocument: Bytes, table: Bytes, clx: FcLcb, ccpText: number): MainText {
  const pieces = readPieces(table, clx).filter((p) => p.cpStart < ccpText);
  let text = '';
  for (const piece of pieces) {
    if (piece.cpStart !== text.length) throw new RangeError('pieces out of order');
    const count = Math.min(piece.cpEnd, ccpText) - piece.cpStart;
    const bytes = slice(wordDocument, piece.at, piece.compressed ? count : count * 2);
    text += (piece.compressed ? CP1252 : UTF16).decode(bytes);
  }
  if (text.length !== ccpText) throw new RangeError('text shorter than the FIB says');
  return {
    text,
    fcOf(cp) {
      const piece = pieces.find((p) => cp >= p.cpStart && cp < p.cpEnd)!;
      return piece.at + (cp - piece.cpStart) * (piece.compressed ? 1 : 2);
    },
  };
}
