// The lines of a PDF's text, from the text items pdf.js reads off each page (in the order the page
// draws them). A line ends where pdf.js marks one (hasEOL) or where the baseline moves by more than
// half a character; nothing else is dropped: the plan parser strips page numbers and joins lines
// broken in mid-sentence itself.
//
// Fonts map some glyphs both to an ideograph and to its look-alike Kangxi radical or compatibility
// ideograph, and PDF writers (Chromium's among them) often record the latter: "方案" comes out as
// "⽅案". Those characters go back to the ideograph; nothing else is normalised (full-width
// punctuation stays as printed).
const LOOK_ALIKES = /[\u2E80-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;

function ideographs(s: string): string {
  return s.replace(LOOK_ALIKES, (ch) => ch.normalize('NFKC'));
}

/** The part of a pdf.js TextItem read here. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, e, f]: (e, f) is where the baseline starts, (c, d) the font's height vector. */
  transform: readonly number[];
  /** Along the baseline, in the same units. */
  width: number;
}

export function fontHeight(item: PdfTextItem): number {
  return Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0);
}

/** Items grouped into the lines they print on, in drawing order (blank items included). */
export function lineGroups(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const groups: PdfTextItem[][] = [];
  let group: PdfTextItem[] = [];
  let baseline: number | null = null;
  let height = 0;
  const endLine = () => {
    if (group.length) groups.push(group);
    group = [];
    baseline = null;
    height = 0;
  };
  for (const item of items) {
    if (item.str) {
      const y = item.transform[5] ?? 0;
      // Sub- and superscripts (m³, PM₂.₅) move the baseline by less than half a character.
      if (baseline !== null && Math.abs(y - baseline) > Math.max(height, fontHeight(item)) / 2) endLine();
      if (baseline === null) baseline = y;
      height = Math.max(height, fontHeight(item));
      group.push(item);
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return groups;
}

/** The text of a line: its items run together, spaces around it trimmed. */
export function lineText(group: readonly PdfTextItem[]): string {
  return ideographs(
    group
      .map((item) => item.str)
      .join('')
      .trim(),
  );
}

/** Non-blank lines, page after page. */
export function pdfLines(pages: readonly (readonly PdfTextItem[])[]): string[] {
  return pages.flatMap((items) => lineGroups(items).map(lineText).filter(Boolean));
}
