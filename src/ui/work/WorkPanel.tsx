// 我的任务 for a township, 对账销号 for command and planners: the work items in the caller's
// reach, overdue first, by status, with the weekly report (周报) as Excel.
import { useState } from 'react';
import { ITEM_STATUSES, type ItemStatus } from '../../domain/ledger/item-status';
import { daysOverdue, isDueSoon } from '../../domain/ledger/deadline';
import type { Membership, WorkItem } from '../../domain/ledger/types';
import { listWorkItems, useWorkItems, type ItemFilters } from '../../data/work-items/work-items';
import { useBackend } from '../../data/backend-context';
import { toBackendError, type BackendError } from '../../data/backend';
import { useI18n } from '../../i18n/i18n';
import { PanelFrame } from '../panel/PanelFrame';
import { ShowMore, useShownCount } from '../ShowMore';
import { exportWeeklyReport } from './export-weekly-report';

type Tab = 'all' | 'overdue' | ItemStatus;
const TABS: readonly Tab[] = ['all', 'overdue', ...ITEM_STATUSES];
const LIST_STEP = 200;

interface Props {
  membership: Membership;
  revision: number;
  errorText: (error: BackendError | null) => string | null;
  onOpenItem: (id: string) => void;
  onClose: () => void;
}

function filtersFor(tab: Tab): ItemFilters {
  if (tab === 'all') return {};
  if (tab === 'overdue') return { overdue_only: true };
  return { statuses: [tab] };
}

export function WorkPanel({ membership, revision, errorText, onOpenItem, onClose }: Props) {
  const { t } = useI18n();
  const backend = useBackend();
  const township = membership.role === 'township' ? membership.township : null;
  // Command and planners come here to verify: what waits for 复核 first.
  const [tab, setTab] = useState<Tab>(township ? 'all' : 'done');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [shown, showMore] = useShownCount(tab, LIST_STEP);
  const list = useWorkItems(filtersFor(tab), revision, shown);
  const summary = useWorkItems({}, revision, 0);
  const now = new Date();

  const countOf = (tabName: Tab): number | null => {
    const s = summary.data;
    if (!s) return null;
    if (tabName === 'all') return s.total;
    if (tabName === 'overdue') return s.overdue;
    return s.counts[tabName] ?? 0;
  };

  const runExport = async () => {
    if (!township) return;
    setExporting(true);
    setExportError(null);
    try {
      const all = await listWorkItems(backend, {}, Infinity);
      await exportWeeklyReport(all.items, township.name, t);
    } catch (error) {
      setExportError(t('work.exportFailed', { message: toBackendError(error).message }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <PanelFrame
      testId="work-panel"
      dataAttrs={{ 'data-tab': tab }}
      title={
        <h2>{township ? t('work.title.township', { township: township.name }) : t('work.title.other')}</h2>
      }
      actions={
        township && (
          <button
            type="button"
            onClick={() => void runExport()}
            disabled={exporting}
            data-testid="export-weekly"
          >
            {exporting ? t('work.exporting') : t('work.export')}
          </button>
        )
      }
      errorText={exportError ?? errorText(list.error)}
      notFoundText={null}
      onClose={onClose}
    >
      <nav className="work-tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={name === 'overdue' ? 'tab tab-overdue' : 'tab'}
            onClick={() => setTab(name)}
            data-testid={`work-tab-${name}`}
          >
            {name === 'all'
              ? t('work.all')
              : name === 'overdue'
                ? t('work.overdueOnly')
                : t(`status.${name}`)}
            {countOf(name) !== null && <span className="tab-count">{countOf(name)}</span>}
          </button>
        ))}
      </nav>
      <div className="panel-body">
        {list.loading && !list.data && <p className="muted">{t('panel.loading')}</p>}
        {list.data?.items.length === 0 && <p className="muted">{t('work.none')}</p>}
        <ul className="work-list" data-testid="work-list">
          {list.data?.items.map((item) => (
            <WorkRow key={item.id} item={item} now={now} onOpen={() => onOpenItem(item.id)} />
          ))}
        </ul>
        {list.data && (
          <ShowMore
            shown={list.data.items.length}
            total={list.data.total}
            step={LIST_STEP}
            loading={list.loading}
            onMore={showMore}
          />
        )}
      </div>
    </PanelFrame>
  );
}

function WorkRow({ item, now, onOpen }: { item: WorkItem; now: Date; onOpen: () => void }) {
  const { t } = useI18n();
  const overdueDays = daysOverdue(item.deadline, item.status, now);
  const soon = isDueSoon(item.deadline, item.status, now);
  return (
    <li
      className={item.overdue ? 'work-row work-row-overdue' : 'work-row'}
      data-testid="work-row"
      data-item-id={item.id}
      data-status={item.status}
    >
      <button type="button" className="work-open" onClick={onOpen}>
        <span className="work-task">
          <span className="task-number">{item.task.number}</span> {item.task.title}
        </span>
        {item.feature && <span className="work-feature">{item.feature.name}</span>}
        <span className="work-meta">
          <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span>
          {item.overdue && (
            <span className="flag flag-overdue">
              {overdueDays > 0 ? t('work.overdueDays', { days: overdueDays }) : t('work.overdue')}
            </span>
          )}
          {soon && <span className="flag flag-soon">{t('work.dueSoon')}</span>}
          <span className="muted">
            {item.deadline ? t('work.deadline', { date: item.deadline }) : t('work.noDeadline')}
          </span>
          <span className="muted">{item.township?.name ?? item.unit?.name}</span>
        </span>
        {item.last_note && <span className="work-note">{item.last_note}</span>}
      </button>
    </li>
  );
}
