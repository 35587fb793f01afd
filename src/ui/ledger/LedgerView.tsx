// The ledger (台账): every task the user may read as one table over the map, filtered by plan,
// unit, township, status and due date, with its units, deadline, latest progress and linked
// features; planners link features to tasks from here (挂图作战). Exports the weekly dispatch table.
import { Fragment, useMemo, useState } from 'react';
import { daysOverdue } from '../../domain/ledger/deadline';
import type { LedgerTask } from '../../domain/ledger/ledger-types';
import type { Membership, SearchHit, TaskUnit } from '../../domain/ledger/types';
import { useBackend } from '../../data/backend-context';
import { toBackendError, type BackendError } from '../../data/backend';
import { useDistricts } from '../../data/districts/districts';
import { linkFeature, listLedgerTasks, unlinkFeature, useLedgerTasks } from '../../data/ledger/ledger';
import { usePlans } from '../../data/plans/plans';
import { useUnits } from '../../data/units/units';
import { useI18n, type Translate } from '../../i18n/i18n';
import { formatTime } from '../format-time';
import { ShowMore, useShownCount } from '../ShowMore';
import { exportLedger } from './export-ledger';
import { LedgerFilterBar } from './LedgerFilterBar';
import { printedUnits, progressWho, toLedgerFilters, townshipChoices, unitChoices } from './ledger-rows';
import { LinkSearch } from './LinkSearch';
import { linkRefusalText } from './link-refusal';
import { useDebounced, useLedgerFilters } from './use-ledger-filters';

export interface LedgerViewProps {
  membership: Membership;
  /** Changes after imports, links and item actions: ask again. */
  revision: number;
  /** Called after a feature is linked or unlinked. */
  onChanged: () => void;
  /** 在地图上显示: the app opens #/task/<id>. */
  onShowTask: (taskId: string) => void;
  /** 地图选取: the app lets the user click a feature, links it, and comes back here. */
  onPickOnMap: (taskId: string) => void;
  onClose: () => void;
}

const LIST_STEP = 500;

interface Notice {
  taskId: string;
  ok: boolean;
  text: string;
  /** The link just made, which the user may take back. */
  undo?: { featureId: string; name: string };
}

function errorText(error: BackendError, t: Translate): string {
  return t(`error.${error.code}`, { message: error.message });
}

export function LedgerView({
  membership,
  revision,
  onChanged,
  onShowTask,
  onPickOnMap,
  onClose,
}: LedgerViewProps) {
  const { t } = useI18n();
  const backend = useBackend();
  const planner = membership.role === 'planner';
  const isTownship = membership.role === 'township';
  const districtCode = membership.district?.code ?? membership.township?.district_code ?? null;

  const { state, update, reset } = useLedgerFilters(membership.user_id);
  const q = useDebounced(state.q, 300);
  const filters = toLedgerFilters({ ...state, q });
  const [shown, showMore] = useShownCount(JSON.stringify(filters), LIST_STEP);
  const list = useLedgerTasks(filters, revision, shown);
  const plans = usePlans(revision);
  const units = useUnits(districtCode, revision);
  const districts = useDistricts(!isTownship);

  const districtNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const p of plans.data ?? []) if (p.district) names.set(p.district.code, p.district.name);
    for (const d of districts.data ?? []) names.set(d.code, d.name);
    return names;
  }, [plans.data, districts.data]);
  const unitGroups = useMemo(() => unitChoices(units.data ?? [], districtNames), [units.data, districtNames]);
  const townshipGroups = useMemo(
    () => (isTownship ? null : townshipChoices(districts.data, units.data, districtCode, districtNames)),
    [isTownship, districts.data, units.data, districtCode, districtNames],
  );

  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [linkTaskId, setLinkTaskId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [linking, setLinking] = useState(false);

  const runExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const all = await listLedgerTasks(backend, filters, Infinity);
      const plan = plans.data?.find((p) => p.id === state.planId)?.title ?? t('ledger.report.allPlans');
      await exportLedger(all.tasks, plan, t);
    } catch (error) {
      setExportError(t('ledger.exportFailed', { message: errorText(toBackendError(error), t) }));
    } finally {
      setExporting(false);
    }
  };

  const link = async (task: LedgerTask, hit: SearchHit) => {
    const featureId = hit.properties.id;
    const feature = hit.properties.name ?? featureId;
    setLinking(true);
    try {
      const result = await linkFeature(backend, featureId, task.id);
      // Linking twice changes nothing: the count tells whether this link is new.
      const already = result.feature_count === task.feature_count;
      setNotice({
        taskId: task.id,
        ok: true,
        text: already
          ? t('ledger.link.already', { feature, number: task.number })
          : t('ledger.link.linked', { feature, number: task.number, count: result.feature_count }),
        ...(!already && { undo: { featureId, name: feature } }),
      });
      onChanged();
    } catch (error) {
      setNotice({ taskId: task.id, ok: false, text: linkRefusalText(toBackendError(error), t) });
    } finally {
      setLinking(false);
    }
  };

  const undo = async (task: LedgerTask, featureId: string, feature: string) => {
    setLinking(true);
    try {
      await unlinkFeature(backend, featureId, task.id);
      setNotice({
        taskId: task.id,
        ok: true,
        text: t('ledger.link.unlinked', { feature, number: task.number }),
      });
      onChanged();
    } catch (error) {
      const reason = errorText(toBackendError(error), t);
      setNotice({ taskId: task.id, ok: false, text: t('ledger.link.unlinkFailed', { reason }) });
    } finally {
      setLinking(false);
    }
  };

  const data = list.data;
  const columns = planner ? 10 : 9;
  return (
    <section
      className="sheet ledger"
      data-testid="ledger"
      aria-labelledby="ledger-title"
      aria-busy={list.loading}
    >
      <header className="panel-header ledger-header">
        <div className="ledger-heading">
          <h2 id="ledger-title">{t('ledger.title')}</h2>
          {data && (
            <p className="ledger-summary" data-testid="ledger-summary">
              <span>{t('ledger.summary.total', { count: data.total })}</span>
              <span className={data.overdue > 0 ? 'flag flag-overdue' : 'muted'}>
                {t('ledger.summary.overdue', { count: data.overdue })}
              </span>
              <span className={data.due_soon > 0 ? 'flag flag-soon' : 'muted'}>
                {t('ledger.summary.dueSoon', { count: data.due_soon })}
              </span>
              {list.loading && <span className="muted">{t('panel.loading')}</span>}
            </p>
          )}
        </div>
        <div className="panel-actions">
          <button
            type="button"
            onClick={() => void runExport()}
            disabled={exporting || !data?.total}
            data-testid="ledger-export"
          >
            {exporting ? t('ledger.exporting') : t('ledger.export')}
          </button>
          <button type="button" onClick={onClose} aria-label={t('panel.close')} data-testid="ledger-close">
            ×
          </button>
        </div>
      </header>
      <LedgerFilterBar
        state={state}
        update={update}
        reset={reset}
        plans={plans.data ?? []}
        units={unitGroups}
        townships={townshipGroups}
      />
      {exportError && (
        <p className="error ledger-message" role="alert">
          {exportError}
        </p>
      )}
      {list.error && (
        <p className="error ledger-message" role="alert">
          {errorText(list.error, t)}
        </p>
      )}
      <div className="ledger-body">
        {!data && list.loading && <p className="muted ledger-message">{t('panel.loading')}</p>}
        {data?.tasks.length === 0 && <p className="muted ledger-message">{t('ledger.none')}</p>}
        {data && data.tasks.length > 0 && (
          <table className="ledger-table" data-testid="ledger-table">
            <colgroup>
              <col className="ledger-col-index" />
              <col />
              <col className="ledger-col-lead" />
              <col className="ledger-col-cooperating" />
              <col className="ledger-col-responsible" />
              <col className="ledger-col-due" />
              <col className="ledger-col-progress" />
              <col className="ledger-col-status" />
              <col className="ledger-col-features" />
              {planner && <col className="ledger-col-link" />}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('ledger.col.index')}</th>
                <th scope="col">{t('ledger.col.task')}</th>
                <th scope="col">{t('ledger.col.lead')}</th>
                <th scope="col">{t('ledger.col.cooperating')}</th>
                <th scope="col">{t('ledger.col.responsible')}</th>
                <th scope="col">{t('ledger.col.deadline')}</th>
                <th scope="col">{t('ledger.col.progress')}</th>
                <th scope="col">{t('ledger.col.status')}</th>
                <th scope="col">{t('ledger.col.features')}</th>
                {planner && <th scope="col">{t('ledger.col.link')}</th>}
              </tr>
            </thead>
            <tbody>
              {data.tasks.map((task, i) => (
                <Fragment key={task.id}>
                  <LedgerRow
                    task={task}
                    index={i + 1}
                    planner={planner}
                    linkOpen={linkTaskId === task.id}
                    onShow={() => onShowTask(task.id)}
                    onPick={() => onPickOnMap(task.id)}
                    onToggleLink={() => setLinkTaskId(linkTaskId === task.id ? null : task.id)}
                  />
                  {(linkTaskId === task.id || notice?.taskId === task.id) && (
                    <tr className="ledger-link-row">
                      <td colSpan={columns}>
                        {notice?.taskId === task.id && (
                          <p
                            className={notice.ok ? 'ledger-notice' : 'ledger-notice error'}
                            role={notice.ok ? 'status' : 'alert'}
                            data-testid="ledger-notice"
                          >
                            {notice.text}
                            {notice.undo && (
                              <button
                                type="button"
                                className="link"
                                disabled={linking}
                                onClick={() => void undo(task, notice.undo!.featureId, notice.undo!.name)}
                              >
                                {t('ledger.link.undo')}
                              </button>
                            )}
                          </p>
                        )}
                        {linkTaskId === task.id && (
                          <LinkSearch
                            taskNumber={task.number}
                            busy={linking}
                            onChoose={(hit) => void link(task, hit)}
                            onClose={() => setLinkTaskId(null)}
                          />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
        {data && (
          <ShowMore
            shown={data.tasks.length}
            total={data.total}
            step={LIST_STEP}
            loading={list.loading}
            onMore={showMore}
          />
        )}
      </div>
    </section>
  );
}

interface RowProps {
  task: LedgerTask;
  index: number;
  planner: boolean;
  linkOpen: boolean;
  onShow: () => void;
  onPick: () => void;
  onToggleLink: () => void;
}

function LedgerRow({ task, index, planner, linkOpen, onShow, onPick, onToggleLink }: RowProps) {
  const { t, locale } = useI18n();
  const overdueDays = daysOverdue(task.due, task.status, new Date());
  const p = task.progress;
  return (
    <tr
      className={task.overdue ? 'ledger-row ledger-row-overdue' : 'ledger-row'}
      data-testid="ledger-row"
      data-task-id={task.id}
      data-status={task.status}
    >
      <td className="ledger-index">{index}</td>
      <td className="ledger-task">
        <span className="task-number">{task.number}</span> {task.title}
        <small className="ledger-plan">{task.plan.title}</small>
      </td>
      <td>
        <Units units={task.units.lead} />
      </td>
      <td>
        <Units units={task.units.cooperating} />
      </td>
      <td>
        <Units units={task.units.responsible} />
      </td>
      <td className={task.overdue ? 'ledger-due overdue' : 'ledger-due'}>
        {task.deadlines.map((d, i) => (
          <Fragment key={d}>
            {i > 0 && '、'}
            <span className="ledger-date">{d}</span>
          </Fragment>
        ))}
        {task.deadlines.length === 0 && task.due && (
          <>
            <span className="ledger-date">{task.due}</span>
            <small className="ledger-due-note">{t('ledger.periodEnd')}</small>
          </>
        )}
        {!task.due && <span className="muted">{t('task.noDeadline')}</span>}
        {task.overdue && (
          <span className="flag flag-overdue">
            {overdueDays > 0 ? t('ledger.overdueDays', { days: overdueDays }) : t('ledger.overdue')}
          </span>
        )}
        {task.due_soon && <span className="flag flag-soon">{t('ledger.dueSoon')}</span>}
      </td>
      <td className="ledger-progress">
        {p ? (
          <>
            <span className="ledger-note" title={p.note}>
              {p.note}
            </span>
            <small className="muted">
              {[...progressWho(p), ...(p.at ? [formatTime(p.at, locale)] : [])].join(' · ')}
            </small>
          </>
        ) : (
          <span className="muted">{t('ledger.noProgress')}</span>
        )}
      </td>
      <td>
        <span className={`status status-${task.status}`}>{t(`status.${task.status}`)}</span>
        {task.items.total > 0 && (
          <small className="muted ledger-items">
            {t('ledger.items', { total: task.items.total, closed: task.items.counts.closed ?? 0 })}
          </small>
        )}
      </td>
      <td className="ledger-features">
        <span data-testid="ledger-feature-count">
          {t('ledger.featureCount', { count: task.feature_count })}
        </span>
        <button
          type="button"
          onClick={onShow}
          disabled={task.feature_count === 0}
          title={task.feature_count === 0 ? t('task.noFeatures') : undefined}
          data-testid="ledger-show"
        >
          {t('ledger.show')}
        </button>
      </td>
      {planner && (
        <td className="ledger-actions">
          <button type="button" onClick={onPick} data-testid="ledger-pick">
            {t('ledger.link.pick')}
          </button>
          <button
            type="button"
            onClick={onToggleLink}
            aria-expanded={linkOpen}
            data-testid="ledger-search-link"
          >
            {t('ledger.link.search')}
          </button>
        </td>
      )}
    </tr>
  );
}

/** Names as printed, joined with 、, each with the sub-items it covers. */
function Units({ units }: { units: TaskUnit[] }) {
  const { t } = useI18n();
  if (units.length === 0) return <span className="muted">—</span>;
  return printedUnits(units).map((u, i) => (
    <Fragment key={u.name}>
      {i > 0 && '、'}
      <span className="ledger-unit">
        {u.name}
        {u.scopes.length > 0 && (
          <small className="unit-scope">{t('task.scope', { scope: u.scopes.join('') })}</small>
        )}
      </span>
    </Fragment>
  ));
}
