// One plan task: plan and 文号, number and title, deadline, status, and its units by role.
import { UNIT_ROLES, type TaskSummary } from '../../domain/ledger/types';
import { isOverdue } from '../../domain/ledger/deadline';
import { useI18n } from '../../i18n/i18n';

interface Props {
  task: TaskSummary;
  onShow?: (task: TaskSummary) => void;
  active?: boolean;
}

export function TaskCard({ task, onShow, active }: Props) {
  const { t } = useI18n();
  const overdue = isOverdue(task.deadline, task.status, new Date());
  return (
    <article className={active ? 'task task-active' : 'task'} data-testid="task-card" data-task-id={task.id}>
      <p className="task-plan">
        {task.plan.title}
        {task.plan.doc_number && <span className="doc-number">{task.plan.doc_number}</span>}
      </p>
      <h4>
        <span className="task-number">{t('task.number', { number: task.number })}</span> {task.title}
      </h4>
      <dl className="task-meta">
        <dt>{t('task.deadline')}</dt>
        <dd className={overdue ? 'overdue' : undefined}>
          {task.deadlines.length ? task.deadlines.join('、') : t('task.noDeadline')}
        </dd>
        <dt>{t('task.status')}</dt>
        <dd>
          <span className={`status status-${task.status}`}>{t(`status.${task.status}`)}</span>
          {task.items.total > 0 && (
            <small className="task-items" data-testid="task-items">
              {t('task.items', {
                total: task.items.total,
                closed: task.items.counts.closed ?? 0,
              })}
              {task.items.overdue > 0 && (
                <span className="flag flag-overdue">
                  {t('task.itemsOverdue', { count: task.items.overdue })}
                </span>
              )}
            </small>
          )}
        </dd>
        {UNIT_ROLES.map((role) =>
          task.units[role].length ? (
            <UnitRow
              key={role}
              label={t(`task.${role}`)}
              units={task.units[role]}
              scopeLabel={(s) => t('task.scope', { scope: s })}
            />
          ) : null,
        )}
      </dl>
      {onShow && (
        <button type="button" className="task-show" onClick={() => onShow(task)} data-testid="task-show">
          {t('task.highlight')} · {t('task.features', { count: task.feature_count })}
        </button>
      )}
    </article>
  );
}

function UnitRow({
  label,
  units,
  scopeLabel,
}: {
  label: string;
  units: TaskSummary['units']['lead'];
  scopeLabel: (scope: string) => string;
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {units.map((u, i) => (
          <span key={`${u.id}-${u.scope ?? ''}-${i}`} className="unit">
            {u.name}
            {u.scope && <small className="unit-scope">{scopeLabel(u.scope)}</small>}
          </span>
        ))}
      </dd>
    </>
  );
}
