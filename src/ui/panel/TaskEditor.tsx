// A planner corrects a task after import: number, title, section and deadlines. Checked by
// validateTask before sending; the database holds the same rules and the one a form cannot know
// (two tasks of a plan with one number), and refuses an edit based on an old version.
import { useState } from 'react';
import type { TaskSummary } from '../../domain/ledger/types';
import { validateTask } from '../../domain/ledger/task-validation';
import { useBackend } from '../../data/backend-context';
import { updateTask } from '../../data/tasks/task-features';
import { useI18n } from '../../i18n/i18n';
import { useVersionedSave } from './use-versioned-save';
import { EditFooter } from './EditFooter';

interface Props {
  task: TaskSummary;
  /** The editor closes; `refresh` when the task changed (saved, or changed by someone else). */
  onDone: (refresh: boolean) => void;
}

export function TaskEditor({ task, onDone }: Props) {
  const { t } = useI18n();
  const backend = useBackend();
  const [number, setNumber] = useState(task.number);
  const [title, setTitle] = useState(task.title);
  const [section, setSection] = useState(task.section ?? '');
  const [deadlines, setDeadlines] = useState<string[]>(task.deadlines);
  const [problem, setProblem] = useState<string | null>(null);

  const kept = deadlines.filter((d) => d !== '');
  const changes = {
    ...(number !== task.number ? { number } : {}),
    ...(title !== task.title ? { title } : {}),
    ...(section !== (task.section ?? '') ? { section: section.trim() || null } : {}),
    ...(kept.join() !== task.deadlines.join() ? { deadlines: [...kept].sort() } : {}),
  };
  const saving = useVersionedSave<TaskSummary>((base_version, client_id) =>
    updateTask(backend, { task_id: task.id, base_version, changes, client_id }),
  );
  const errorText = saving.error
    ? saving.error.code === 'already_exists'
      ? t('task.numberTaken')
      : t(`error.${saving.error.code}`, { message: saving.error.message })
    : null;

  const submit = async (baseVersion: number) => {
    setProblem(null);
    const verdict = validateTask({ number, title, deadlines: kept });
    if (!verdict.ok) return setProblem(t(`task.invalid.${verdict.reason}`));
    if (await saving.save(baseVersion)) onDone(true);
  };
  const conflict = saving.conflict;

  return (
    <form className="action-form edit-form" data-testid="task-editor" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('task.editNumber')}
        <input value={number} onChange={(e) => setNumber(e.target.value)} data-testid="task-edit-number" />
      </label>
      <label>
        {t('task.editTitle')}
        <textarea
          value={title}
          rows={2}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="task-edit-title"
        />
      </label>
      <label>
        {t('task.editSection')}
        <input value={section} onChange={(e) => setSection(e.target.value)} />
      </label>
      <fieldset className="edit-attributes">
        <legend>{t('task.editDeadlines')}</legend>
        {deadlines.map((d, i) => (
          <div className="attribute-row" key={i}>
            <input
              type="date"
              value={d}
              aria-label={t('task.editDeadlines')}
              onChange={(e) => setDeadlines((all) => all.map((x, j) => (j === i ? e.target.value : x)))}
              data-testid="task-edit-deadline"
            />
            <button
              type="button"
              className="link"
              aria-label={t('task.removeDeadline')}
              title={t('task.removeDeadline')}
              onClick={() => setDeadlines((all) => all.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link"
          onClick={() => setDeadlines((all) => [...all, ''])}
          data-testid="task-add-deadline"
        >
          {t('task.addDeadline')}
        </button>
      </fieldset>
      <EditFooter
        errorText={problem ?? errorText}
        conflictText={
          conflict &&
          t('task.conflict', { number: conflict.number, title: conflict.title, version: conflict.version })
        }
        busy={saving.busy}
        canSave={Object.keys(changes).length > 0}
        saveTestId="task-edit-save"
        onSave={() => void submit(task.version)}
        onOverwrite={() => conflict && void submit(conflict.version)}
        onDone={onDone}
      />
    </form>
  );
}
