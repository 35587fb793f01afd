// What the plan reader takes from each page of a PDF loaded by pdf.js: its text items and the ruling
// lines its tables are drawn with, both in the page's space as displayed (y up), so a landscape
// annex on a page shown rotated (/Rotate 90) reads in its rows and columns.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { compose, pdfRulings, type Matrix, type PathOps } from '../../domain/plan/pdf-rulings';
import type { PdfTextItem } from '../../domain/plan/pdf-lines';
import type { PdfPage } from '../../domain/plan/pdf-text';

/** `ops` is pdf.js's OPS table, from whichever build loaded the document. */
export async function pdfPages(doc: PDFDocumentProxy, ops: PathOps): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const pageSpace = compose([1, 0, 0, -1, 0, viewport.height], viewport.transform as unknown as Matrix);
    const items: PdfTextItem[] = (await page.getTextContent()).items.flatMap((item) =>
      'str' in item
        ? [
            {
              str: item.str,
              hasEOL: item.hasEOL,
              width: item.width,
              transform: compose(pageSpace, item.transform as unknown as Matrix),
            },
          ]
        : [],
    );
    // Drawing is read only where there is text to place in tables (a scan's images are not decoded).
    const drawn = items.some((item) => item.str.trim()) ? await page.getOperatorList() : null;
    pages.push({ items, rulings: drawn ? pdfRulings(drawn.fnArray, drawn.argsArray, ops, pageSpace) : [] });
  }
  return pages;
}
