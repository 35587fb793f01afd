// Finds features by name (Chinese), id or station code; choosing one opens it.
import { useEffect, useId, useState } from 'react';
import { useSearchFeatures } from '../../data/features/search-features';
import type { SearchHit } from '../../domain/ledger/types';
import { useI18n } from '../../i18n/i18n';

export function SearchBox({ enabled, onChoose }: { enabled: boolean; onChoose: (hit: SearchHit) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const listId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, loading, error } = useSearchFeatures(query, enabled);
  const hits = data?.features ?? [];
  const choose = (hit: SearchHit) => {
    setOpen(false);
    onChoose(hit);
  };
  const showList = open && query.trim().length > 0;
  return (
    <div className="search" role="search">
      <input
        type="search"
        aria-label={t('search.label')}
        aria-controls={listId}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          if (e.key === 'Enter' && hits[0]) choose(hits[0]);
        }}
        data-testid="search-input"
      />
      {showList && (
        <ul className="search-results" id={listId} data-testid="search-results">
          {loading && hits.length === 0 && <li className="muted">{t('search.searching')}</li>}
          {error && <li className="error">{t(`error.${error.code}`, { message: error.message })}</li>}
          {!loading && !error && data && hits.length === 0 && (
            <li className="muted">{t('search.none', { q: query.trim() })}</li>
          )}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" onClick={() => choose(hit)}>
                <span className="hit-name">{hit.properties.name}</span>
                <span className="hit-meta">
                  {t(`kind.${hit.properties.kind}`)}
                  {hit.township_name ? ` · ${hit.township_name}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
