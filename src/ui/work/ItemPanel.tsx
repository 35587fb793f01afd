// One work item: the task, where and for whom, status and deadline, what to do next, and the
// record of everything done (who, when, notes, photos and files).
import { useEffect, useState } from 'react';
import { daysOverdue } from '../../domain/ledger/deadline';
import type { EvidenceMeta, Membership, WorkItemDetail } from '../../domain/ledger/types';
import { getEvidenceFile, useItemDetail } from '../../data/work-items/work-items';
import { useBackend } from '../../data/backend-context';
import type { BackendError } from '../../data/backend';
import { useI18n } from '../../i18n/i18n';
import { download } from '../download';
import { formatTime } from '../format-time';
import { PanelFrame } from '../panel/PanelFrame';
import { ActionForm } from './ActionForm';

interface Props {
  id: string;
  membership: Membership | null;
  revision: number;
  onChanged: () => void;
  errorText: (error: BackendError | null) => string | null;
  onClose: () => void;
  onBack: () => void;
  onOpenFeature: (id: string) => void;
  onOpenTask: (id: string) => void;
}

export function ItemPanel(props: Props) {
  const { id, membership, revision, onChanged, errorText, onClose, onBack, onOpenFeature, onOpenTask } =
    props;
  const { t, locale } = useI18n();
  const detail = useItemDetail(id, revision);
  const item = detail.dataKey === id ? detail.data : undefined;
  const overdueDays = item ? daysOverdue(item.deadline, item.status, new Date()) : 0;
  return (
    <PanelFrame
      testId="item-panel"
      dataAttrs={{ 'data-item-id': id, 'data-status': item?.status ?? '' }}
      title={
        <h2>
          {item ? t('item.title', { number: item.task.number, title: item.task.title }) : t('panel.loading')}
        </h2>
      }
      subtitle={
        item && (
          <p className="panel-kind">
            {item.task.plan.title}
            {item.task.plan.doc_number && <span className="doc-number">{item.task.plan.doc_number}</span>}
          </p>
        )
      }
      actions={
        <button type="button" onClick={onBack} data-testid="item-back">
          {membership?.role === 'township' ? t('work.open.township') : t('work.open.other')}
        </button>
      }
      errorText={errorText(detail.error)}
      notFoundText={detail.data === null && !detail.loading ? t('item.notFound', { id }) : null}
      onClose={onClose}
    >
      {item && (
        <div className="panel-body">
          <dl className="facts">
            <dt>{t('item.status')}</dt>
            <dd>
              <span className={`status status-${item.status}`} data-testid="item-status">
                {t(`status.${item.status}`)}
              </span>
            </dd>
            <dt>{t('item.deadline')}</dt>
            <dd className={item.overdue ? 'overdue' : undefined}>
              {item.deadline ?? t('work.noDeadline')}
              {item.overdue && (
                <span className="flag flag-overdue">
                  {overdueDays > 0 ? t('work.overdueDays', { days: overdueDays }) : t('work.overdue')}
                </span>
              )}
            </dd>
            <dt>{t('item.for')}</dt>
            <dd>{[item.township?.name, item.unit?.name].filter(Boolean).join(' · ')}</dd>
            {item.feature && (
              <>
                <dt>{t('work.feature')}</dt>
                <dd>
                  <button type="button" className="link" onClick={() => onOpenFeature(item.feature!.id)}>
                    {item.feature.name}
                  </button>{' '}
                  <span className="muted">{t(`kind.${item.feature.kind}`)}</span>
                </dd>
              </>
            )}
          </dl>
          <p>
            <button type="button" className="link" onClick={() => onOpenTask(item.task.id)}>
              {t('task.highlight')}
            </button>
          </p>
          <ActionForm key={item.id} item={item} membership={membership} onDone={onChanged} />
          <Timeline item={item} locale={locale} />
        </div>
      )}
    </PanelFrame>
  );
}

function Timeline({ item, locale }: { item: WorkItemDetail; locale: string }) {
  const { t } = useI18n();
  return (
    <section className="timeline" data-testid="timeline">
      <h3>{t('item.timeline')}</h3>
      {item.events.length === 0 && <p className="muted">{t('item.noEvents')}</p>}
      <ol>
        {[...item.events].reverse().map((e) => (
          <li key={e.id} data-testid="timeline-event" data-action={e.action}>
            <p className="history-head">
              <strong>{t(`action.${e.action}`)}</strong>{' '}
              <span className={`status status-${e.to_status}`}>{t(`status.${e.to_status}`)}</span>{' '}
              <span className="muted">
                {t('item.by', { actor: e.actor_name ?? t('item.system'), at: formatTime(e.at, locale) })}
              </span>
            </p>
            {e.note && <p className="history-line">{e.note}</p>}
            {e.evidence.length > 0 && (
              <div className="evidence-list">
                {e.evidence.map((ev) => (
                  <Evidence key={ev.id} meta={ev} locale={locale} />
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A photo shows inline; any other file opens as a download. */
function Evidence({ meta, locale }: { meta: EvidenceMeta; locale: string }) {
  const { t } = useI18n();
  const backend = useBackend();
  const isImage = meta.mime_type.startsWith('image/');
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!isImage) return;
    let current = true;
    let url: string | null = null;
    void getEvidenceFile(backend, meta.id).then((f) => {
      if (!current || !f) return;
      url = URL.createObjectURL(f.blob);
      setSrc(url);
    });
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [backend, meta.id, isImage]);
  const openFile = async () => {
    const f = await getEvidenceFile(backend, meta.id);
    if (f) download(f.blob, f.file_name);
  };
  const caption = [
    meta.taken_at ? formatTime(meta.taken_at, locale) : null,
    meta.location
      ? t('item.location', { lon: meta.location[0].toFixed(5), lat: meta.location[1].toFixed(5) })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <figure className="evidence" data-testid="evidence">
      {isImage ? (
        src ? (
          <img
            src={src}
            alt={t('item.photoAlt', { name: meta.file_name, at: caption })}
            data-testid="evidence-photo"
          />
        ) : (
          <span className="muted">{t('panel.loading')}</span>
        )
      ) : (
        <button type="button" className="link" onClick={() => void openFile()}>
          {t('item.openFile')} {meta.file_name}
        </button>
      )}
      <figcaption className="muted">
        {meta.file_name}
        {caption && ` · ${caption}`}
      </figcaption>
    </figure>
  );
}
