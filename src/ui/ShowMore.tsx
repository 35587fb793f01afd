// Long lists (台账, 对账销号) show a page of rows and grow on demand. The count asked for is kept
// per filter: other filters start again from one page.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** How many rows to ask for under `key`, and the step that asks for `step` more. */
export function useShownCount(key: string, step: number): [number, () => void] {
  const [state, setState] = useState({ key, shown: step });
  const shown = state.key === key ? state.shown : step;
  return [shown, () => setState({ key, shown: shown + step })];
}

interface Props {
  /** Rows on screen. */
  shown: number;
  total: number;
  step: number;
  loading: boolean;
  onMore: () => void;
}

export function ShowMore({ shown, total, step, loading, onMore }: Props) {
  const { t } = useI18n();
  if (shown >= total) return null;
  return (
    <p className="muted show-more" data-testid="show-more">
      {t('list.shown', { shown, total })}
      <button type="button" onClick={onMore} disabled={loading} data-testid="show-more-button">
        {loading ? t('panel.loading') : t('list.more', { count: Math.min(step, total - shown) })}
      </button>
    </p>
  );
}
