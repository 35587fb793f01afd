// The paragraph properties of a Word 97 file that give its tables their shape ([MS-DOC] 2.8.6
// PlcBtePapx, 2.9.177 PapxFkp, 2.6.2–2.6.3): whether a paragraph mark is in a table, whether it ends
// a table row, and for a row's end the row's cells: their edges and how they are merged.
import { slice, view, type Bytes } from './word97-bytes';
import type { FcLcb } from './word97-fib';
import type { CellDef, VerticalMerge } from './word-tables';

export interface ParagraphProps {
  inTable: boolean;
  /** The mark ends a table row (TTP): its properties are the row's. */
  rowEnd: boolean;
  /** A row end's cells, left to right; empty elsewhere. */
  cells: CellDef[];
}

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_CHG_TABS = 0xc615;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;
const FKP_SIZE = 512;
const TC80_SIZE = 20;
// TC80.tcgrf
const F_MERGED = 0x0002;
const F_VERT_MERGE = 0x0020;
const F_VERT_RESTART = 0x0040;
const NONE: ParagraphProps = { inTable: false, rowEnd: false, cells: [] };

/** The size of a Sprm's operand ([MS-DOC] 2.2.5.1, spra), given the bytes after it; null if unknown. */
function operandSize(sprm: number, rest: Bytes): number | null {
  switch (sprm >>> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // Variable: a size byte first, but sprmTDefTable's is two bytes counting themselves less one,
      // and a sprmPChgTabs of 255 is sized by its content.
      if (sprm === SPRM_T_DEF_TABLE) return rest.length >= 2 ? view(rest).getUint16(0, true) + 1 : null;
      if (sprm === SPRM_P_CHG_TABS && rest[0] === 255) return null;
      return rest.length ? rest[0]! + 1 : null;
  }
}

/** The Sprms of a property list with their operands, up to the end or to one that cannot be sized. */
function* prls(grpprl: Bytes): Generator<[number, Bytes]> {
  let at = 0;
  while (at + 2 < grpprl.length) {
    const sprm = view(grpprl).getUint16(at, true);
    const size = operandSize(sprm, grpprl.subarray(at + 2));
    if (size === null || at + 2 + size > grpprl.length) return;
    yield [sprm, grpprl.subarray(at + 2, at + 2 + size)];
    at += 2 + size;
  }
}

/** The cells of sprmTDefTable ([MS-DOC] 2.9.321): edges from rgdxaCenter, merges from rgTc80. */
function tableDefinition(operand: Bytes): CellDef[] {
  const data = view(operand);
  const count = operand[2] ?? 0;
  const tcAt = 3 + (count + 1) * 2;
  if (operand.length < tcAt) return [];
  const edges = Array.from({ length: count + 1 }, (_, i) => data.getInt16(3 + i * 2, true));
  return Array.from({ length: count }, (_, i) => {
    // rgTc80 may hold fewer cells than the row: the rest have no merges.
    const at = tcAt + i * TC80_SIZE;
    const flags = at + 2 <= operand.length ? data.getUint16(at, true) : 0;
    const vMerge: VerticalMerge =
      flags & F_VERT_RESTART ? 'restart' : flags & F_VERT_MERGE ? 'continue' : 'none';
    return { left: edges[i]!, right: edges[i + 1]!, vMerge, hMerged: (flags & F_MERGED) !== 0 };
  });
}

/** The properties a paragraph's Sprms set; a long list (a wide table row's) is in the Data stream. */
function readProps(grpprl: Bytes, dataStream: Bytes | null): ParagraphProps {
  const props: ParagraphProps = { inTable: false, rowEnd: false, cells: [] };
  for (const [sprm, operand] of prls(grpprl)) {
    if (sprm === SPRM_P_F_IN_TABLE) props.inTable = operand[0] === 1;
    else if (sprm === SPRM_P_F_TTP) props.rowEnd = operand[0] === 1;
    else if (sprm === SPRM_T_DEF_TABLE) props.cells = tableDefinition(operand);
    // Word 2000 and later state a cell's vertical merge apart: cb, itc, 1 merged or 3 restart.
    else if (sprm === SPRM_T_VERT_MERGE) {
      const cell = props.cells[operand[1] ?? -1];
      if (cell) cell.vMerge = operand[2] === 3 ? 'restart' : operand[2] === 1 ? 'continue' : 'none';
    } else if (sprm === SPRM_P_HUGE_PAPX && dataStream) {
      // PrcData: its size, then the Sprms that stand for this one.
      const at = view(operand).getUint32(0, true);
      const size = view(slice(dataStream, at, 2)).getUint16(0, true);
      Object.assign(props, readProps(slice(dataStream, at + 2, size), null));
    }
  }
  return props;
}

/** The properties of the paragraph whose mark is stored at byte `fc` of the WordDocument stream. */
export function paragraphProps(
  wordDocument: Bytes,
  table: Bytes,
  dataStream: Bytes | null,
  plcfBtePapx: FcLcb,
): (fc: number) => ParagraphProps {
  const plc = view(slice(table, plcfBtePapx.fc, plcfBtePapx.lcb));
  const pages = (plcfBtePapx.lcb - 4) / 8;
  const cache = new Map<number, ParagraphProps>();
  return (fc) => {
    // The bin table: which 512-byte page (FKP) holds the properties of the paragraphs around fc.
    let page = -1;
    for (let i = 0; i < pages && plc.getUint32(i * 4, true) <= fc; i++) {
      if (fc < plc.getUint32(i * 4 + 4, true)) page = i;
    }
    if (page < 0) return NONE;
    const pn = plc.getUint32((pages + 1) * 4 + page * 4, true) & 0x3fffff;
    const fkp = slice(wordDocument, pn * FKP_SIZE, FKP_SIZE);
    const data = view(fkp);
    const runs = fkp[FKP_SIZE - 1]!;
    let run = -1;
    for (let i = 0; i < runs && data.getUint32(i * 4, true) <= fc; i++) {
      if (fc < data.getUint32(i * 4 + 4, true)) run = i;
    }
    if (run < 0) return NONE;
    const offset = fkp[(runs + 1) * 4 + run * 13]! * 2;
    if (offset === 0) return NONE;
    const key = pn * FKP_SIZE + offset;
    const known = cache.get(key);
    if (known) return known;
    // PapxInFkp: a size in words (0: the next byte holds it), then the style and the Sprms.
    const cb = fkp[offset]!;
    const start = cb ? offset + 1 : offset + 2;
    const size = cb ? cb * 2 - 1 : fkp[offset + 1]! * 2;
    const props = readProps(slice(fkp, start + 2, size - 2), dataStream);
    cache.set(key, props);
    return props;
  };
}
