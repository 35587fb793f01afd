// Layers with symbols, toggles and how many of each are in view; basemap choice below.
import type { LayerKind } from '../../domain/feature/kinds';
import { STATION_LEVELS } from '../../domain/feature/kinds';
import { useI18n } from '../../i18n/i18n';
import { LAYER_COLORS, LAYER_ORDER, stationIconUrl } from '../../map/layer-styles';
import { BASEMAP_CHOICES, type BasemapChoice } from '../../map/basemap/basemap-style';
import { isAreaKind } from '../../domain/feature/kinds';

interface Props {
  visible: ReadonlySet<LayerKind>;
  onToggle: (kind: LayerKind) => void;
  counts: Partial<Record<LayerKind, number>> | null;
  aggregated: boolean;
  basemap: BasemapChoice;
  onBasemap: (choice: BasemapChoice) => void;
  tiandituKey: string;
  onTiandituKey: (key: string) => void;
}

function Swatch({ kind }: { kind: LayerKind }) {
  const [r, g, b] = LAYER_COLORS[kind];
  const color = `rgb(${r},${g},${b})`;
  if (kind === 'station') return <img className="swatch-icon" src={stationIconUrl('国控')} alt="" />;
  const area = kind === 'control_zone' || isAreaKind(kind as Exclude<LayerKind, 'control_zone'>);
  return (
    <span
      className={area ? 'swatch swatch-area' : 'swatch swatch-point'}
      style={area ? { borderColor: color, background: `rgba(${r},${g},${b},0.25)` } : { background: color }}
    />
  );
}

export function Legend(props: Props) {
  const { t } = useI18n();
  const legendOrder = [...LAYER_ORDER].reverse();
  return (
    <section className="legend" aria-label={t('layers.title')} data-testid="legend">
      <h2>{t('layers.title')}</h2>
      <ul>
        {legendOrder.map((kind) => (
          <li key={kind} data-layer={kind}>
            <label>
              <input
                type="checkbox"
                checked={props.visible.has(kind)}
                onChange={() => props.onToggle(kind)}
              />
              <Swatch kind={kind} />
              <span className="legend-name">{t(`kind.${kind}`)}</span>
              <span className="legend-count" data-testid={`count-${kind}`}>
                {props.counts ? (props.counts[kind] ?? 0).toLocaleString() : '…'}
              </span>
            </label>
            {kind === 'station' && (
              <ul className="legend-levels">
                {STATION_LEVELS.map((level) => (
                  <li key={level}>
                    <img className="swatch-icon" src={stationIconUrl(level)} alt="" />
                    {t(`level.${level}`)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {props.aggregated && <p className="legend-note">{t('layers.aggregated')}</p>}
      <p className="legend-note">{t('layers.schematicNote')}</p>
      <details className="legend-basemap">
        <summary>{t('layers.basemap')}</summary>
        {BASEMAP_CHOICES.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="basemap"
              checked={props.basemap === choice}
              onChange={() => props.onBasemap(choice)}
            />
            {t(`layers.basemap.${choice}`)}
          </label>
        ))}
        {props.basemap === 'tianditu' && (
          <label className="legend-key">
            {t('layers.basemap.tiandituKey')}
            <input
              type="text"
              value={props.tiandituKey}
              spellCheck={false}
              onChange={(e) => props.onTiandituKey(e.target.value.trim())}
            />
          </label>
        )}
      </details>
    </section>
  );
}
