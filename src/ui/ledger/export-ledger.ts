// The ledger as the weekly dispatch table (.xlsx). The writer loads on first use, in its own chunk;
// it makes every text cell safe from formula injection.
import { chinaDate } from '../../domain/export/dates';
import { buildDispatchTable } from '../../domain/export/dispatch-table';
import type { LedgerTask } from '../../domain/ledger/ledger-types';
import type { Translate } from '../../i18n/i18n';
import { download } from '../download';
import { dispatchRows } from './ledger-rows';

export async function exportLedger(tasks: LedgerTask[], planTitle: string, t: Translate, now = new Date()) {
  const date = chinaDate(now);
  const sheet = buildDispatchTable({
    sheetName: t('ledger.report.sheet'),
    title: t('ledger.report.title', { plan: planTitle, date }),
    headers: {
      index: t('ledger.report.index'),
      task: t('ledger.report.task'),
      leadUnits: t('ledger.report.lead'),
      responsibleUnits: t('ledger.report.responsible'),
      deadline: t('ledger.report.deadline'),
      progress: t('ledger.report.progress'),
      status: t('ledger.report.status'),
    },
    rows: dispatchRows(tasks, {
      status: (status) => t(`status.${status}`),
      progress: (note, meta) => t('ledger.report.progressWith', { note, meta }),
    }),
  });
  const { writeXlsx, XLSX_MIME } = await import('../../domain/export/xlsx-writer');
  const bytes = await writeXlsx([sheet]);
  download(new Blob([bytes], { type: XLSX_MIME }), t('ledger.report.file', { date }));
}
