// The actions a member may take on an item now (开始推进, 报告进展, 提交完成, 复核销号, 退回), with a
// note and photos or files. Nothing typed or chosen is lost on a refusal: a conflict shows the
// item as it now stands, and the note and files stay for the next try.
import { useState } from 'react';
import {
  availableActions,
  ITEM_RULES,
  itemTransition,
  type ItemAction,
} from '../../domain/ledger/item-status';
import { MAX_EVIDENCE_FILES } from '../../domain/ledger/evidence-validation';
import type { Membership, WorkItem } from '../../domain/ledger/types';
import { actOnItem } from '../../data/work-items/work-items';
import { useBackend } from '../../data/backend-context';
import { toBackendError } from '../../data/backend';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../format-time';
import { currentPosition, EvidenceError, toEvidence } from './evidence-files';

interface Props {
  item: WorkItem;
  membership: Membership | null;
  onDone: () => void;
}

interface Current {
  status: WorkItem['status'];
  version: number;
  last_note: string | null;
  last_actor_name: string | null;
  last_event_at: string | null;
}

export function ActionForm({ item, membership, onDone }: Props) {
  const { t, locale } = useI18n();
  const backend = useBackend();
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [withLocation, setWithLocation] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Current | null>(null);
  // One id per submission: a double click or a retry after a lost answer is stored once.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const role = membership?.role ?? null;
  const actions = availableActions(item.status, role);

  if (actions.length === 0) return <p className="muted">{t('item.noActions')}</p>;

  const act = async (action: ItemAction) => {
    setError(null);
    setConflict(null);
    const verdict = itemTransition(item.status, action, role, note);
    if (!verdict.ok) return setError(t(`error.${verdict.reason}`, { message: '' }));
    if (ITEM_RULES[action].needsEvidence && files.length === 0)
      return setError(t('error.evidence_required', { message: '' }));
    setBusy(true);
    try {
      const position = withLocation && files.length > 0 ? await currentPosition() : null;
      const evidence = await Promise.all(files.map((f) => toEvidence(f, position)));
      await actOnItem(backend, {
        item_id: item.id,
        action,
        base_version: item.version,
        note: note.trim() || null,
        evidence,
        client_id: clientId,
      });
      setNote('');
      setFiles([]);
      setClientId(crypto.randomUUID());
      onDone();
    } catch (err) {
      if (err instanceof EvidenceError) {
        setError(t(`evidence.${err.reason}`, { name: err.fileName }));
      } else {
        const e = toBackendError(err);
        setError(t(`error.${e.code}`, { message: e.message }));
        if (e.code === 'stale_version') setConflict(e.detail as Current);
      }
    } finally {
      setBusy(false);
    }
  };

  const addFiles = (chosen: FileList | null) => {
    const next = [...files, ...Array.from(chosen ?? [])];
    if (next.length > MAX_EVIDENCE_FILES) setError(t('evidence.too_many'));
    setFiles(next.slice(0, MAX_EVIDENCE_FILES));
  };

  return (
    <form className="action-form" data-testid="action-form" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('item.note')}
        <textarea
          value={note}
          maxLength={2000}
          rows={3}
          placeholder={t('item.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          data-testid="action-note"
        />
      </label>
      {actions.some((a) => a === 'report' || a === 'complete') && (
        <div className="action-files">
          <label>
            {t('item.files')}
            <input
              type="file"
              multiple
              accept="image/*,application/pdf,.docx,.xlsx,.txt"
              onChange={(e) => {
                addFiles(e.target.files);
                e.target.value = '';
              }}
              data-testid="action-files"
            />
          </label>
          <small className="muted">{t('item.filesHint')}</small>
          {files.length > 0 && (
            <ul className="chosen-files" data-testid="chosen-files">
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  {f.name}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => setFiles(files.filter((_, j) => j !== i))}
                    aria-label={t('panel.close')}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label className="inline">
            <input
              type="checkbox"
              checked={withLocation}
              onChange={(e) => setWithLocation(e.target.checked)}
            />
            {t('item.withLocation')}
          </label>
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
      {conflict && (
        <div className="conflict" data-testid="action-conflict">
          <p>
            {t('item.current', {
              status: t(`status.${conflict.status}`),
              version: conflict.version,
              note: conflict.last_note ? t('item.currentNote', { note: conflict.last_note }) : '',
              actor:
                conflict.last_actor_name && conflict.last_event_at
                  ? t('item.currentActor', {
                      actor: conflict.last_actor_name,
                      at: formatTime(conflict.last_event_at, locale),
                    })
                  : '',
            })}
          </p>
          <button type="button" onClick={onDone}>
            {t('item.reload')}
          </button>
        </div>
      )}
      <div className="action-buttons">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy}
            className={action === 'close' || action === 'complete' ? 'primary' : undefined}
            onClick={() => void act(action)}
            data-testid={`action-${action}`}
          >
            {t(`action.${action}`)}
          </button>
        ))}
        {busy && <span className="muted">{t('item.submitting')}</span>}
      </div>
    </form>
  );
}
