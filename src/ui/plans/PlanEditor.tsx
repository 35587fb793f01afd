// What the parser read from a plan, to correct in place before saving: the plan's particulars,
// and each task's number, title, deadlines and units (牵头 / 配合 / 责任) by sub-item.
import type { Assignment, Plan, Task } from '../../domain/plan/types';
import { useI18n } from '../../i18n/i18n';

interface Props {
  plan: Plan;
  selectedTask: number | null;
  onSelectTask: (index: number) => void;
  onChange: (plan: Plan) => void;
}

const UNIT_FIELDS = ['lead_units', 'cooperating_units', 'responsible_units'] as const;
const ROLE_KEYS = {
  lead_units: 'task.lead',
  cooperating_units: 'task.cooperating',
  responsible_units: 'task.responsible',
} as const;

/** Units as typed: split where the plans themselves split lists (、，,；;). */
function splitUnits(text: string): string[] {
  return text
    .split(/[、，,；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const splitDates = (text: string) =>
  text
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function PlanEditor({ plan, selectedTask, onSelectTask, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<Plan>) => onChange({ ...plan, ...patch });
  const setTask = (i: number, patch: Partial<Task>) =>
    set({ tasks: plan.tasks.map((task, j) => (j === i ? { ...task, ...patch } : task)) });
  const setAssignment = (i: number, k: number, patch: Partial<Assignment>) =>
    setTask(i, { assignments: plan.tasks[i]!.assignments.map((a, j) => (j === k ? { ...a, ...patch } : a)) });
  const text = (value: string) => value.trim() || null;

  return (
    <div className="plan-editor">
      <div className="plan-meta">
        <label className="wide">
          {t('import.planTitle')}
          <input
            value={plan.title ?? ''}
            onChange={(e) => set({ title: text(e.target.value) })}
            data-testid="plan-title"
          />
        </label>
        <label>
          {t('import.docNumber')}
          <input
            value={plan.doc_number ?? ''}
            onChange={(e) => set({ doc_number: text(e.target.value) })}
            data-testid="plan-doc-number"
          />
        </label>
        <label>
          {t('import.issuer')}
          <input value={plan.issuer ?? ''} onChange={(e) => set({ issuer: text(e.target.value) })} />
        </label>
        <label>
          {t('import.issuedOn')}
          <input
            type="date"
            value={plan.issued_on ?? ''}
            onChange={(e) => set({ issued_on: e.target.value || null })}
          />
        </label>
        <label>
          {t('import.year')}
          <input
            type="number"
            min={1990}
            max={2100}
            value={plan.year ?? ''}
            onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : null })}
          />
        </label>
        <label>
          {t('import.region')}
          <input value={plan.region ?? ''} onChange={(e) => set({ region: text(e.target.value) })} />
        </label>
      </div>
      {plan.targets.length > 0 && (
        <ul className="plan-targets" data-testid="plan-targets">
          {plan.targets.map((g, i) => (
            <li key={i}>
              {g.label} {g.op} {g.value}
              {g.unit ?? ''}
            </li>
          ))}
        </ul>
      )}
      <ol className="task-editors">
        {plan.tasks.map((task, i) => (
          <li
            key={i}
            className={i === selectedTask ? 'task task-active' : 'task'}
            onFocusCapture={() => onSelectTask(i)}
            onClick={() => onSelectTask(i)}
            data-testid="task-editor"
          >
            {task.section && <p className="task-plan">{task.section}</p>}
            <div className="task-head">
              <input
                className="task-number-input"
                value={task.number}
                aria-label={t('import.taskNumber')}
                onChange={(e) => setTask(i, { number: e.target.value })}
              />
              <input
                className="task-title-input"
                value={task.title}
                aria-label={t('import.taskTitle')}
                onChange={(e) => setTask(i, { title: e.target.value })}
              />
            </div>
            <label className="inline-field">
              {t('task.deadline')}
              <input
                value={task.deadlines.join('、')}
                placeholder="YYYY-MM-DD"
                onChange={(e) => setTask(i, { deadlines: splitDates(e.target.value) })}
                data-testid="task-deadlines"
              />
            </label>
            {task.assignments.length === 0 && <p className="muted">{t('import.noUnits')}</p>}
            {task.assignments.map((a, k) => (
              <fieldset key={k} className="assignment">
                {a.scope && <legend>{t('task.scope', { scope: a.scope })}</legend>}
                {UNIT_FIELDS.map((field) => (
                  <UnitInput
                    key={field}
                    label={t(ROLE_KEYS[field])}
                    units={a[field]}
                    onChange={(units) => setAssignment(i, k, { [field]: units })}
                    testId={`units-${field}`}
                  />
                ))}
                {a.note && <p className="muted">{a.note}</p>}
              </fieldset>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

function UnitInput({
  label,
  units,
  onChange,
  testId,
}: {
  label: string;
  units: string[];
  onChange: (units: string[]) => void;
  testId: string;
}) {
  return (
    <label className="inline-field">
      {label}
      <input
        defaultValue={units.join('、')}
        // Split only when the user is done, so that typing a 、 does not jump the caret.
        onBlur={(e) => onChange(splitUnits(e.target.value))}
        data-testid={testId}
      />
    </label>
  );
}
