// The text of a plan file the user uploads: plain text (UTF-8 or GB18030), Word .docx through
// mammoth (loaded on first use, in its own chunk). Anything else is refused with a reason.
import { decodePlanText, type PlanFileRefusal } from '../../domain/plan/plan-file';

export type PlanFileProblem = PlanFileRefusal | 'unsupported' | 'unreadable';

export class PlanFileError extends Error {
  constructor(
    readonly reason: PlanFileProblem,
    readonly fileName: string,
  ) {
    super(`${reason}: ${fileName}`);
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function readPlanFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  if (file.size === 0) throw new PlanFileError('empty', file.name);
  if (name.endsWith('.docx') || file.type === DOCX) {
    let text: string;
    try {
      const mammoth = await import('mammoth');
      text = (await mammoth.extractRawText({ arrayBuffer: await file.arrayBuffer() })).value;
    } catch {
      throw new PlanFileError('unreadable', file.name);
    }
    if (!text.trim()) throw new PlanFileError('empty', file.name);
    return text;
  }
  if (/\.(doc|wps|pdf|xls|xlsx|zip|rar)$/.test(name)) throw new PlanFileError('unsupported', file.name);
  const decoded = decodePlanText(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw new PlanFileError(decoded.reason, file.name);
  return decoded.text;
}
