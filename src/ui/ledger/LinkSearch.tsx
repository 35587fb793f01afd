// Finds a feature by name, id or station code to link to a task (搜索关联). Choosing a hit is a
// write, so Enter does not pick the first hit as the top-bar search does: the user picks one.
import { useEffect, useId, useState } from 'react';
import { useSearchFeatures } from '../../data/features/search-features';
import type { SearchHit } from '../../domain/ledger/types';
import { useI18n } from '../../i18n/i18n';

interface Props {
  taskNumber: string;
  busy: boolean;
  onChoose: (hit: SearchHit) => void;
  onClose: () => void;
}

export function LinkSearch({ taskNumber, busy, onChoose, onClose }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const listId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, loading, error } = useSearchFeatures(query, true);
  const hits = data?.features ?? [];
  const asked = query.trim();
  return (
    <div className="ledger-link-search" role="search" data-testid="ledger-link-search">
      <div className="ledger-link-input">
        <input
          type="search"
          // Opened on purpose by 搜索关联: the user types at once.
          autoFocus
          aria-label={t('ledger.link.searchLabel', { number: taskNumber })}
          aria-controls={listId}
          placeholder={t('ledger.link.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
          }}
          data-testid="ledger-link-input"
        />
        <button type="button" onClick={onClose}>
          {t('ledger.link.done')}
        </button>
      </div>
      {asked && (
        <ul className="ledger-link-hits" id={listId} data-testid="ledger-link-hits">
          {loading && hits.length === 0 && <li className="muted">{t('search.searching')}</li>}
          {error && <li className="error">{t(`error.${error.code}`, { message: error.message })}</li>}
          {!loading && !error && data && hits.length === 0 && (
            <li className="muted">{t('search.none', { q: asked })}</li>
          )}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                disabled={busy}
                onClick={() => onChoose(hit)}
                data-feature-id={hit.properties.id}
              >
                <span className="hit-name">{hit.properties.name ?? hit.properties.id}</span>
                <span className="hit-meta">
                  {t(`kind.${hit.properties.kind}`)}
                  {hit.township_name ? ` · ${hit.township_name}` : ''}
                </span>
                <span className="ledger-link-add">{t('ledger.link.add')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
