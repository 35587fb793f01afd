// The pollution sources inside a station's 1 km control zone, counted by kind, nearest first.
import { useControlZoneSources } from '../../data/stations/control-zone-sources';
import type { FeatureKind } from '../../domain/feature/kinds';
import { useI18n } from '../../i18n/i18n';
import { LAYER_COLORS } from '../../map/layer-styles';

const LISTED = 8;

export function ZoneSources({ stationId, onOpen }: { stationId: string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const { data, loading, error } = useControlZoneSources(stationId, true);
  return (
    <section className="zone-sources" data-testid="zone-sources">
      <h3>{t('zone.title')}</h3>
      {loading && !data && <p className="muted">{t('panel.loading')}</p>}
      {error && <p className="error">{t(`error.${error.code}`, { message: error.message })}</p>}
      {data && data.total === 0 && <p className="muted">{t('zone.none')}</p>}
      {data && data.total > 0 && (
        <>
          <p className="zone-total" data-testid="zone-total">
            {t('zone.total', { count: data.total })}
          </p>
          <ul className="zone-counts">
            {(Object.entries(data.counts) as [FeatureKind, number][])
              .sort((a, b) => b[1] - a[1])
              .map(([kind, n]) => (
                <li key={kind} data-kind={kind}>
                  <span
                    className="dot"
                    style={{ background: `rgb(${LAYER_COLORS[kind].slice(0, 3).join(',')})` }}
                  />
                  {t(`kind.${kind}`)}
                  <strong>{n}</strong>
                </li>
              ))}
          </ul>
          <h4>{t('zone.nearest')}</h4>
          <ol className="zone-nearest">
            {data.features.slice(0, LISTED).map((f) => (
              <li key={f.id}>
                <button type="button" className="link" onClick={() => onOpen(f.properties.id)}>
                  {f.properties.name}
                </button>
                <span className="muted">
                  {' '}
                  {t('zone.distance', { meters: Math.round(f.properties.distance_m) })}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
