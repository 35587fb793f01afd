// The text of a plan file the user uploads: plain text (UTF-8 or GB18030), Word .docx through
// mammoth's HTML (its task tables keep their rows and columns), Word 97–2003 .doc and WPS .wps
// through word-file.ts, RTF through domain/plan/rtf-text, and the text layer of a PDF through
// pdf.js, its ruled tables read as tables (each reader loaded on first use, in its own chunk). A
// Word file is read as what its bytes are, whatever its name says: a ".doc" is often a web page, a
// .docx renamed or RTF. Anything else is refused with a reason.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { decodePlanText, sniffFormat, type PlanFileRefusal } from '../../domain/plan/plan-file';
import { pdfText } from '../../domain/plan/pdf-text';
import { htmlPlanText } from './html-plan-text';
import { pdfPages } from './pdf-pages';

export type PlanFileProblem = PlanFileRefusal | 'unsupported' | 'unreadable' | 'no_text' | 'encrypted';

export class PlanFileError extends Error {
  constructor(
    readonly reason: PlanFileProblem,
    readonly fileName: string,
  ) {
    super(`${reason}: ${fileName}`);
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOC = 'application/msword';

/** Where vite.config.ts serves pdf.js's CMaps and standard fonts; absolute, as the worker reads them. */
function pdfjsAsset(dir: string): string {
  return new URL(`${import.meta.env.BASE_URL}pdfjs/${dir}/`, document.baseURI).href;
}

async function readPdf(data: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  const task = pdfjs.getDocument({
    data,
    // Chinese plans often name a CJK font they do not embed (宋体 as STSong-Light): its glyphs
    // map to text only through Adobe's predefined CMaps.
    cMapUrl: pdfjsAsset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsAsset('standard_fonts'),
  });
  try {
    return pdfText(await pdfPages(await task.promise, pdfjs.OPS)).join('\n');
  } finally {
    await task.destroy();
  }
}

async function readDocx(data: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  const html = await mammoth.convertToHtml(
    { arrayBuffer: data.buffer as ArrayBuffer },
    // Pictures are not text: an empty src spares encoding each one as a data URI.
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  return htmlPlanText(html.value).text;
}

/** A Word file (.doc, .docx, .wps, .rtf) by what it holds; null for one that is text after all. */
async function readWord(data: Uint8Array, fileName: string): Promise<string | null> {
  const format = sniffFormat(data);
  if (format === 'other') return null;
  let text: string;
  try {
    if (format === 'zip') text = await readDocx(data);
    else if (format === 'rtf') {
      const { rtfText } = await import('../../domain/plan/rtf-text');
      text = rtfText(data);
    } else if (format === 'cfb') {
      const { readWord97 } = await import('./word-file');
      const read = readWord97(data);
      if (!read.ok) throw new PlanFileError(read.reason, fileName);
      text = read.text;
    } else if (format === 'html') {
      const decoded = decodePlanText(data);
      text = decoded.ok ? htmlPlanText(decoded.text).text : '';
    } else if (format === 'mht') {
      const { mhtHtml } = await import('./word-file');
      text = htmlPlanText(mhtHtml(data) ?? '').text;
    }
    // A PDF or Word 2003 XML under a Word file's name.
    else throw new PlanFileError('unsupported', fileName);
  } catch (error) {
    throw error instanceof PlanFileError ? error : new PlanFileError('unreadable', fileName);
  }
  if (!text.trim()) throw new PlanFileError('empty', fileName);
  return text;
}

export async function readPlanFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  if (file.size === 0) throw new PlanFileError('empty', file.name);
  if (name.endsWith('.pdf') || file.type === 'application/pdf') {
    let text: string;
    try {
      text = await readPdf(new Uint8Array(await file.arrayBuffer()));
    } catch {
      throw new PlanFileError('unreadable', file.name);
    }
    // A scan: pages of images, no text layer.
    if (!text.trim()) throw new PlanFileError('no_text', file.name);
    return text;
  }
  if (/\.(xls|xlsx|zip|rar)$/.test(name)) throw new PlanFileError('unsupported', file.name);
  const data = new Uint8Array(await file.arrayBuffer());
  const word = /\.(docx?|wps|rtf)$/.test(name) || file.type === DOCX || file.type === DOC;
  // An RTF file is read as one whatever its name: its markup is not the plan's text.
  const text = word || sniffFormat(data) === 'rtf' ? await readWord(data, file.name) : null;
  if (text !== null) return text;
  const decoded = decodePlanText(data);
  if (decoded.ok) return decoded.text;
  // Binary, and no format read here: an old WPS or Word 2 file, say.
  throw new PlanFileError(word && decoded.reason === 'binary' ? 'unsupported' : decoded.reason, file.name);
}
