// The history of a feature, task or item (who changed what, when), read on demand: it is the
// record the ledger is audited by, not something every panel needs at once.
import { useState } from 'react';
import type { HistoryEntry } from '../../domain/ledger/types';
import { useHistory, type HistorySubject } from '../../data/history/history';
import { isMessageKey, useI18n, type Translate } from '../../i18n/i18n';
import { formatTime } from '../format-time';

const SHOWN_FIELDS = [
  'status',
  'last_note',
  'name',
  'title',
  'number',
  'section',
  'deadline',
  'deadlines',
  'township_code',
  'unit_id',
  'geom',
  'properties',
];

function valueText(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (field === 'status' && typeof value === 'string' && isMessageKey(`status.${value}`))
    return t(`status.${value}` as 'status.done');
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function describe(entry: HistoryEntry, t: Translate): { head: string; lines: string[] } {
  const tableKey = `history.table.${entry.table}`;
  const table = isMessageKey(tableKey) ? t(tableKey) : entry.table;
  const head = t(`history.${entry.op}`, { table });
  const fields = SHOWN_FIELDS.filter((f) => f in entry.changes);
  const lines = fields.map((field) => {
    const [from, to] = entry.changes[field]!;
    const fieldKey = `history.field.${field}`;
    const label = isMessageKey(fieldKey) ? t(fieldKey) : field;
    if (field === 'geom') return label;
    return t('history.field', { field: label, from: valueText(field, from, t), to: valueText(field, to, t) });
  });
  return { head, lines: entry.op === 'update' ? lines : [] };
}

/** `revision` reads the history again after an edit. */
export function HistoryList({ subject, revision = 0 }: { subject: HistorySubject; revision?: number }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const history = useHistory(open ? subject : null, revision);
  return (
    <section className="history" data-testid="history">
      {!open ? (
        <button type="button" className="link" onClick={() => setOpen(true)} data-testid="history-show">
          {t('history.show')}
        </button>
      ) : (
        <>
          <h3>{t('history.title')}</h3>
          {history.loading && <p className="muted">{t('panel.loading')}</p>}
          {history.data?.length === 0 && <p className="muted">{t('history.none')}</p>}
          <ol className="history-list">
            {history.data?.map((entry) => {
              const { head, lines } = describe(entry, t);
              return (
                <li key={entry.id} data-testid="history-entry">
                  <p className="history-head">
                    <strong>{head}</strong>{' '}
                    <span className="muted">
                      {t('item.by', {
                        actor: entry.actor_name ?? t('item.system'),
                        at: formatTime(entry.at, locale),
                      })}
                    </span>
                  </p>
                  {lines.map((line) => (
                    <p key={line} className="history-line">
                      {line}
                    </p>
                  ))}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
