// The File Information Block at the start of a Word 97–2003 file's WordDocument stream ([MS-DOC]
// 2.5.1): which table stream holds the document's tables, how long the main text is, where its
// piece table and its paragraph properties are, and whether the file is password-protected.
import { slice, view, type Bytes } from './word97-bytes';

/** A structure in the table stream: its offset and size in bytes. */
export interface FcLcb {
  fc: number;
  lcb: number;
}

export interface Fib {
  tableStream: '0Table' | '1Table';
  /** Characters of the main document; footnotes, headers, comments and text boxes come after. */
  ccpText: number;
  clx: FcLcb;
  plcfBtePapx: FcLcb;
}

const W_IDENT = 0xa5ec;
/** Word 97's nFib; Word 6 and 95 files (below it) lay their FIB out otherwise. */
const NFIB_WORD97 = 0xc1;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TBL_STM = 0x0200;
const F_OBFUSCATED = 0x8000;
// Indexes of pairs in FibRgFcLcb97.
const PLCF_BTE_PAPX = 13;
const CLX = 33;

export type FibResult = { ok: true; fib: Fib } | { ok: false; reason: 'encrypted' | 'unsupported' };

/** Throws a RangeError when the stream is cut short or is no Word document. */
export function readFib(wordDocument: Bytes): FibResult {
  const data = view(slice(wordDocument, 0, 34));
  if (data.getUint16(0, true) !== W_IDENT) throw new RangeError('not a Word document');
  if (data.getUint16(2, true) < NFIB_WORD97) return { ok: false, reason: 'unsupported' };
  const flags = data.getUint16(0x0a, true);
  // Encrypted (RC4, CryptoAPI) or XOR-obfuscated: the text cannot be read without the password.
  if (flags & (F_ENCRYPTED | F_OBFUSCATED)) return { ok: false, reason: 'encrypted' };
  const all = view(wordDocument);
  // FibRgW97, FibRgLw97 and FibRgFcLcb each follow their count of 16-bit, 32-bit and 64-bit items.
  const csw = all.getUint16(32, true);
  const cslwAt = 34 + csw * 2;
  const cslw = all.getUint16(cslwAt, true);
  const rgLw = cslwAt + 2;
  const cbRgFcLcbAt = rgLw + cslw * 4;
  if (all.getUint16(cbRgFcLcbAt, true) <= CLX) throw new RangeError('FIB without a piece table');
  const pair = (index: number): FcLcb => {
    const at = cbRgFcLcbAt + 2 + index * 8;
    return { fc: all.getUint32(at, true), lcb: all.getUint32(at + 4, true) };
  };
  return {
    ok: true,
    fib: {
      tableStream: flags & F_WHICH_TBL_STM ? '1Table' : '0Table',
      ccpText: all.getInt32(rgLw + 3 * 4, true),
      clx: pair(CLX),
      plcfBtePapx: pair(PLCF_BTE_PAPX),
    },
  };
}
