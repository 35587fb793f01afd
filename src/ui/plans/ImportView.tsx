// Plan documents become the ledger: paste a plan or upload it, see what the parser read beside
// the source (each task highlights the lines it came from), correct numbers, titles, units and
// deadlines in place, and save. Saving the same 文号 again offers to update that plan.
import { useMemo, useState } from 'react';
import { parsePlanWithSources } from '../../domain/plan/plan-parser';
import { withTextTables } from '../../domain/plan/text-tables';
import type { ParsedDocumentWithSources, Plan } from '../../domain/plan/types';
import type { ExistingPlan, ImportPlanResult } from '../../domain/ledger/ledger-types';
import type { DistrictEntry } from '../../domain/ledger/types';
import { existingPlanOf, importPlan } from '../../data/plans/plans';
import { useDistricts } from '../../data/districts/districts';
import { useBackend } from '../../data/backend-context';
import { toBackendError } from '../../data/backend';
import { useI18n } from '../../i18n/i18n';
import { PlanFileError, readPlanFile } from './read-plan-file';
import { htmlPlanText } from './html-plan-text';
import { PlanEditor } from './PlanEditor';
import { SourceLines } from './SourceLines';

interface Props {
  onSaved: () => void;
  onOpenLedger: () => void;
  onClose: () => void;
}

/** The district (and township, for a township's own plan) that a plan's region names. */
function placeOf(
  region: string | null,
  districts: DistrictEntry[],
): { district: string; township: string | null } {
  for (const d of districts) {
    const township = d.townships.find((t) => region && region.includes(t.name));
    if (township) return { district: d.code, township: township.code };
  }
  const district = districts.find((d) => region && (region.includes(d.name) || d.name.includes(region)));
  return { district: district?.code ?? districts[0]?.code ?? '', township: null };
}

export function ImportView({ onSaved, onOpenLedger, onClose }: Props) {
  const { t } = useI18n();
  const backend = useBackend();
  const districts = useDistricts(true).data ?? [];
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [parsed, setParsed] = useState<ParsedDocumentWithSources | null>(null);
  const [planIndex, setPlanIndex] = useState(0);
  const [draft, setDraft] = useState<Plan | null>(null);
  const [place, setPlace] = useState<{ district: string; township: string | null } | null>(null);
  const [selectedTask, setSelectedTask] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [existing, setExisting] = useState<ExistingPlan | null>(null);
  const [saved, setSaved] = useState<ImportPlanResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());

  const choosePlan = (doc: ParsedDocumentWithSources, index: number) => {
    const plan = doc.document.plans[index] ?? null;
    setPlanIndex(index);
    setDraft(plan && structuredClone(plan));
    setPlace(null);
    setSelectedTask(null);
    setExisting(null);
    setSaved(null);
    setClientId(crypto.randomUUID());
  };

  const recognise = (input: string) => {
    setMessage(null);
    if (!input.trim()) return setMessage({ kind: 'error', text: t('import.empty') });
    // A task table pasted as tab-separated or "|" rows is read as task lines, shown as such in the source.
    const source = withTextTables(input);
    if (source !== input) setText(source);
    const doc = parsePlanWithSources(source, fileName);
    const tasks = doc.document.plans.reduce((n, p) => n + p.tasks.length, 0);
    if (doc.document.kind === 'news' || tasks === 0) {
      setParsed(null);
      setDraft(null);
      const targets = doc.document.plans.reduce((n, p) => n + p.targets.length, 0);
      return setMessage({
        kind: 'error',
        text: targets > 0 ? t('import.news', { targets }) : t('import.noTasks'),
      });
    }
    setParsed(doc);
    choosePlan(doc, 0);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    try {
      const content = await readPlanFile(file);
      setFileName(file.name);
      setText(content);
      recognise(content);
    } catch (error) {
      const reason = error instanceof PlanFileError ? error.reason : 'unreadable';
      setMessage({ kind: 'error', text: t(`import.file.${reason}`, { name: file.name }) });
    }
  };

  const save = async (replace: boolean) => {
    if (!draft || !where?.district) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await importPlan(backend, {
        plan: draft,
        kind: 'plan',
        district_code: where.district,
        township_code: where.township,
        source_text: text,
        replace_existing: replace,
        client_id: clientId,
      });
      setSaved(result);
      setExisting(null);
      // The next save is a new submission (it then meets this plan's 文号 and offers to update).
      setClientId(crypto.randomUUID());
      onSaved();
    } catch (error) {
      const e = toBackendError(error);
      const found = existingPlanOf(e);
      if (found) {
        setExisting(found);
      } else {
        setMessage({ kind: 'error', text: t(`error.${e.code}`, { message: e.message }) });
        // A refused submission may be corrected and sent again as a new one.
        setClientId(crypto.randomUUID());
      }
    } finally {
      setBusy(false);
    }
  };

  const highlighted = useMemo(() => {
    if (!parsed || selectedTask === null) return null;
    return parsed.sources.tasks[planIndex]?.[selectedTask] ?? null;
  }, [parsed, planIndex, selectedTask]);

  // Until the user chooses, the place follows the plan's region.
  const where = place ?? (draft ? placeOf(draft.region, districts) : null);
  const district = districts.find((d) => d.code === where?.district);

  return (
    <section className="sheet import" data-testid="import-view" aria-label={t('import.title')}>
      <header className="sheet-header">
        <h2>{t('import.title')}</h2>
        <div className="panel-actions">
          <button type="button" onClick={onClose} aria-label={t('panel.close')} data-testid="import-close">
            ×
          </button>
        </div>
      </header>
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'muted'} role="alert" data-testid="import-message">
          {message.text}
        </p>
      )}
      <div className="import-columns">
        <div className="import-source">
          <div className="import-source-actions">
            <label className="file-button">
              {t('import.file')}
              <input
                type="file"
                accept=".txt,.doc,.docx,.wps,.rtf,.pdf,text/plain,application/msword,application/rtf,text/rtf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
                onChange={(e) => {
                  void onFile(e.target.files?.[0]);
                  e.target.value = '';
                }}
                data-testid="import-file"
              />
            </label>
            {parsed ? (
              <button type="button" onClick={() => setParsed(null)} data-testid="import-edit-source">
                {t('import.editSource')}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={() => recognise(text)}
                data-testid="import-parse"
              >
                {t('import.parse')}
              </button>
            )}
          </div>
          {parsed ? (
            <SourceLines text={text} highlight={highlighted} />
          ) : (
            <textarea
              className="import-text"
              value={text}
              placeholder={t('import.placeholder')}
              onChange={(e) => setText(e.target.value)}
              onPaste={(e) => {
                // A table copied from Word, WPS or Excel comes with its HTML: read as task lines.
                const html = e.clipboardData.getData('text/html');
                const pasted = html ? htmlPlanText(html) : null;
                if (!pasted?.taskTable) return;
                e.preventDefault();
                const { value, selectionStart, selectionEnd } = e.currentTarget;
                setText(value.slice(0, selectionStart) + pasted.text + value.slice(selectionEnd));
              }}
              data-testid="import-text"
            />
          )}
        </div>
        <div className="import-review">
          {!parsed || !draft ? (
            <p className="muted">{t('import.hint')}</p>
          ) : (
            <>
              {parsed.document.plans.length > 1 && (
                <nav className="work-tabs" role="tablist">
                  {parsed.document.plans.map((p, i) => (
                    <button
                      key={i}
                      type="button"
                      role="tab"
                      className="tab"
                      aria-selected={i === planIndex}
                      onClick={() => choosePlan(parsed, i)}
                    >
                      {p.title ?? t('import.untitled', { n: i + 1 })}
                    </button>
                  ))}
                </nav>
              )}
              <div className="import-place">
                <label>
                  {t('import.district')}
                  <select
                    value={where?.district ?? ''}
                    onChange={(e) => setPlace({ district: e.target.value, township: null })}
                    data-testid="import-district"
                  >
                    {districts.map((d) => (
                      <option key={d.code} value={d.code}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('import.township')}
                  <select
                    value={where?.township ?? ''}
                    onChange={(e) =>
                      setPlace({ district: where?.district ?? '', township: e.target.value || null })
                    }
                  >
                    <option value="">{t('import.wholeDistrict')}</option>
                    {district?.townships.map((tw) => (
                      <option key={tw.code} value={tw.code}>
                        {tw.name}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <PlanEditor
                plan={draft}
                selectedTask={selectedTask}
                onSelectTask={setSelectedTask}
                onChange={(next) => {
                  setDraft(next);
                  setSaved(null);
                }}
              />
              {existing && (
                <div className="conflict" data-testid="import-exists">
                  <p>
                    {t('import.exists', {
                      title: existing.title,
                      doc: existing.doc_number ?? '',
                      count: existing.task_count,
                    })}
                  </p>
                  <button type="button" className="primary" onClick={() => void save(true)} disabled={busy}>
                    {t('import.update')}
                  </button>{' '}
                  <button type="button" onClick={() => setExisting(null)}>
                    {t('import.cancel')}
                  </button>
                </div>
              )}
              {saved && (
                <p className="saved" data-testid="import-saved">
                  {t(saved.created ? 'import.created' : 'import.updated', {
                    tasks: saved.tasks,
                    assignments: saved.assignments,
                  })}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={onOpenLedger}
                    data-testid="import-open-ledger"
                  >
                    {t('import.openLedger')}
                  </button>
                </p>
              )}
              <div className="action-buttons">
                <button
                  type="button"
                  className="primary"
                  disabled={busy || !where?.district}
                  onClick={() => void save(false)}
                  data-testid="import-save"
                >
                  {busy ? t('item.submitting') : t('import.save')}
                </button>
                <span className="muted">
                  {t('import.summary', {
                    tasks: draft.tasks.length,
                    assignments: draft.tasks.reduce((n, task) => n + task.assignments.length, 0),
                  })}
                </span>
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
