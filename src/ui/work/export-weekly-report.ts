// The township's weekly report (周报) of its items, as an .xlsx download. The writer loads on
// first use, in its own chunk.
import { chinaDate, isoWeek } from '../../domain/export/dates';
import { buildWeeklyReport } from '../../domain/export/weekly-report';
import type { WorkItem } from '../../domain/ledger/types';
import type { Translate } from '../../i18n/i18n';
import { download } from '../download';

export async function exportWeeklyReport(
  items: WorkItem[],
  township: string,
  t: Translate,
  now = new Date(),
) {
  const week = isoWeek(chinaDate(now));
  const sheet = buildWeeklyReport({
    sheetName: t('work.report.sheet'),
    title: t('work.report.title', {
      township,
      year: week.year,
      week: week.week,
      start: week.start,
      end: week.end,
    }),
    headers: {
      index: t('work.report.index'),
      task: t('work.report.task'),
      feature: t('work.report.feature'),
      unit: t('work.report.unit'),
      deadline: t('work.report.deadline'),
      status: t('work.report.status'),
      latestNote: t('work.report.progress'),
      latestAt: t('work.report.updated'),
      overdue: t('work.report.overdue'),
    },
    overdueLabels: { yes: t('common.yes'), no: t('common.no') },
    rows: items.map((i) => ({
      taskNumber: i.task.number,
      taskTitle: i.task.title,
      featureName: i.feature?.name ?? null,
      unitName: i.unit?.name ?? i.township?.name ?? '',
      deadline: i.deadline,
      statusLabel: t(`status.${i.status}`),
      latestNote: i.last_note,
      latestAt: i.last_event_at,
      overdue: i.overdue,
    })),
  });
  const { writeXlsx, XLSX_MIME } = await import('../../domain/export/xlsx-writer');
  const bytes = await writeXlsx([sheet]);
  download(
    new Blob([bytes], { type: XLSX_MIME }),
    `${township}-${week.year}-W${week.week}-${t('work.report.sheet')}.xlsx`,
  );
}
