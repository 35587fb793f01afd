// The plan text of an RTF file (Word, WPS and LibreOffice write them; old government sites often
// serve one as ".doc"): the body's paragraphs, one per line, without headers, footers, footnotes,
// comments, pictures or objects. A field shows its result, a list item its printed number. Text in
// \'hh bytes is decoded in its font's code page (GBK for 宋体 in a Chinese document), \uN is Unicode.
// Tables are read as Word 97's are (word-tables.ts): a task table becomes task lines.
import { documentBody, type CellDef, type VerticalMerge } from './word-tables';

/** Groups whose text is not the body's. */
const SKIPPED = new Set([
  'annotation',
  'atnauthor',
  'atnid',
  'colortbl',
  'comment',
  'datastore',
  'fldinst',
  'footer',
  'footerf',
  'footerl',
  'footerr',
  'footnote',
  'ftncn',
  'ftnsep',
  'ftnsepc',
  'aftncn',
  'aftnsep',
  'aftnsepc',
  'generator',
  'header',
  'headerf',
  'headerl',
  'headerr',
  'info',
  'latentstyles',
  'listoverridetable',
  'listtable',
  'nonshppict',
  'object',
  'pict',
  'revtbl',
  'rsidtbl',
  'shp',
  'shpinst',
  'stylesheet',
  'themedata',
  'colorschememapping',
  'xmlnstbl',
  'filetbl',
  'pgdsctbl',
  'template',
  'xe',
  'tc',
]);

/** Windows code pages of font charsets (\fcharsetN) and of \ansicpgN, as TextDecoder labels. */
const CHARSETS: Record<number, string> = {
  0: 'windows-1252',
  128: 'shift_jis',
  129: 'euc-kr',
  134: 'gb18030',
  136: 'big5',
  161: 'windows-1253',
  162: 'windows-1254',
  177: 'windows-1255',
  178: 'windows-1256',
  186: 'windows-1257',
  204: 'windows-1251',
  222: 'windows-874',
  238: 'windows-1250',
};
const CODE_PAGES: Record<number, string> = {
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gb18030',
  949: 'euc-kr',
  950: 'big5',
};

const SYMBOLS: Record<string, string> = {
  emdash: '—',
  endash: '–',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  bullet: '•',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

interface State {
  skip: boolean;
  /** Characters of fallback text after \uN. */
  uc: number;
  font: number;
  hidden: boolean;
  inTable: boolean;
  /** In the font table: fonts are defined, not used. */
  fonts: boolean;
  /** In a list number (\listtext): a tab after the number is a space. */
  listText: boolean;
}

export function rtfText(bytes: Uint8Array): string {
  const src = new TextDecoder('latin1').decode(bytes);
  const fontCharset = new Map<number, number>();
  let codePage = 'windows-1252';
  const decoders = new Map<string, TextDecoder>();
  const decoderFor = (label: string) => {
    let decoder = decoders.get(label);
    if (!decoder) decoders.set(label, (decoder = new TextDecoder(label)));
    return decoder;
  };

  const body = documentBody();
  let paragraph = '';
  let defs: CellDef[] = [];
  let pendingMerge: { vMerge: VerticalMerge; hMerged: boolean } = { vMerge: 'none', hMerged: false };
  let pendingBytes: number[] = [];
  let fallback = 0;

  let state: State = {
    skip: false,
    uc: 1,
    font: -1,
    hidden: false,
    inTable: false,
    fonts: false,
    listText: false,
  };
  const stack: State[] = [];
  let definingFont = -1;
  let defaultFont = -1;

  const visible = () => !state.skip && !state.hidden && !state.fonts;
  const flushBytes = () => {
    if (!pendingBytes.length) return;
    const charset = fontCharset.get(state.font);
    // A Latin font (charset 0) in a Chinese document still carries the document's code page.
    const label = charset !== undefined && charset > 2 ? CHARSETS[charset] : undefined;
    paragraph += decoderFor(label ?? codePage).decode(new Uint8Array(pendingBytes));
    pendingBytes = [];
  };
  const emit = (text: string) => {
    flushBytes();
    if (visible()) paragraph += text;
  };
  const endParagraph = () => {
    flushBytes();
    body.paragraph(paragraph, state.inTable);
    paragraph = '';
  };

  const control = (word: string, param: number | null): void => {
    if (SKIPPED.has(word)) {
      state.skip = true;
      return;
    }
    switch (word) {
      case 'ansicpg':
        codePage =
          CODE_PAGES[param ?? 0] ?? (param && param >= 1250 && param <= 1258 ? `windows-${param}` : codePage);
        return;
      case 'fonttbl':
        state.fonts = true;
        return;
      case 'f':
        if (state.fonts) definingFont = param ?? 0;
        else {
          flushBytes();
          state.font = param ?? 0;
        }
        return;
      case 'fcharset':
        if (state.fonts) fontCharset.set(definingFont, param ?? 0);
        return;
      case 'uc':
        state.uc = param ?? 1;
        return;
      case 'u':
        emit(String.fromCharCode((param ?? 0) < 0 ? (param ?? 0) + 65536 : (param ?? 0)));
        fallback = state.uc;
        return;
      case 'deff':
        defaultFont = param ?? 0;
        return;
      case 'plain':
        flushBytes();
        [state.font, state.hidden] = [defaultFont, false];
        return;
      case 'v':
        flushBytes();
        state.hidden = param !== 0;
        return;
      case 'listtext':
      case 'pntext':
        state.listText = true;
        return;
      case 'par':
      case 'sect':
      case 'page':
        if (!state.skip) endParagraph();
        return;
      case 'line':
        emit('\n');
        return;
      case 'tab':
        emit(state.listText ? ' ' : '\t');
        return;
      case 'pard':
        state.inTable = false;
        return;
      case 'intbl':
        state.inTable = true;
        return;
      case 'cell':
        if (state.skip) return;
        flushBytes();
        body.cell(paragraph);
        paragraph = '';
        return;
      case 'nestcell':
        emit(' ');
        return;
      case 'nestrow':
        emit('\n');
        return;
      case 'row':
        if (state.skip) return;
        flushBytes();
        body.row(defs);
        return;
      case 'trowd':
        defs = [];
        return;
      case 'clvmgf':
        pendingMerge.vMerge = 'restart';
        return;
      case 'clvmrg':
        pendingMerge.vMerge = 'continue';
        return;
      case 'clmrg':
        pendingMerge.hMerged = true;
        return;
      case 'cellx':
        defs.push({ left: defs.at(-1)?.right ?? 0, right: param ?? 0, ...pendingMerge });
        pendingMerge = { vMerge: 'none', hMerged: false };
        return;
      default:
        if (word in SYMBOLS) emit(SYMBOLS[word]!);
    }
  };

  for (let i = 0; i < src.length;) {
    const ch = src[i]!;
    if (ch === '{') {
      flushBytes();
      stack.push(state);
      state = { ...state };
      fallback = 0;
      i++;
    } else if (ch === '}') {
      flushBytes();
      state = stack.pop() ?? state;
      fallback = 0;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      i++;
    } else if (ch !== '\\') {
      if (fallback > 0) fallback--;
      else if (ch.charCodeAt(0) >= 0x80) {
        if (visible()) pendingBytes.push(ch.charCodeAt(0));
      } else emit(ch);
      i++;
    } else {
      const next = src[i + 1] ?? '';
      if (next === "'") {
        const byte = parseInt(src.slice(i + 2, i + 4), 16);
        i += 4;
        if (fallback > 0) fallback--;
        else if (visible() && !Number.isNaN(byte)) pendingBytes.push(byte);
        continue;
      }
      if (/[a-zA-Z]/.test(next)) {
        const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 50))!;
        i += 1 + m[0].length;
        const param = m[2] === undefined ? null : Number(m[2]);
        // Binary data (a picture's) is skipped whole: its bytes are not RTF.
        if (m[1] === 'bin') i += param ?? 0;
        else control(m[1]!, param);
        continue;
      }
      i += 2;
      if (next === '*') state.skip = true;
      else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      else if (next === '\n' || next === '\r') control('par', null);
      else if (next === '\\' || next === '{' || next === '}') {
        if (fallback > 0) fallback--;
        else emit(next);
      }
      // "\-" (an optional hyphen) and other symbols are nothing.
    }
  }
  flushBytes();
  return body.lines(paragraph).join('\n');
}
