// The text of a plan file the user uploads: plain text (UTF-8 or GB18030), Word .docx through
// mammoth's HTML (its task tables keep their rows and columns), and the text layer of a PDF through
// pdf.js, its ruled tables read as tables (both loaded on first use, in their own chunks). Anything
// else is refused with a reason.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { decodePlanText, type PlanFileRefusal } from '../../domain/plan/plan-file';
import { pdfText } from '../../domain/plan/pdf-text';
import { htmlPlanText } from './html-plan-text';
import { pdfPages } from './pdf-pages';

export type PlanFileProblem = PlanFileRefusal | 'unsupported' | 'unreadable' | 'no_text';

export class PlanFileError extends Error {
  constructor(
    readonly reason: PlanFileProblem,
    readonly fileName: string,
  ) {
    super(`${reason}: ${fileName}`);
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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

export async function readPlanFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  if (file.size === 0) throw new PlanFileError('empty', file.name);
  if (name.endsWith('.docx') || file.type === DOCX) {
    let text: string;
    try {
      const mammoth = await import('mammoth');
      const html = await mammoth.convertToHtml(
        { arrayBuffer: await file.arrayBuffer() },
        // Pictures are not text: an empty src spares encoding each one as a data URI.
        { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
      );
      text = htmlPlanText(html.value).text;
    } catch {
      throw new PlanFileError('unreadable', file.name);
    }
    if (!text.trim()) throw new PlanFileError('empty', file.name);
    return text;
  }
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
  if (/\.(doc|wps|xls|xlsx|zip|rar)$/.test(name)) throw new PlanFileError('unsupported', file.name);
  const decoded = decodePlanText(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw new PlanFileError(decoded.reason, file.name);
  return decoded.text;
}
