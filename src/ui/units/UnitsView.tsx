// The unit registry (单位管理): every unit of a district as one table over the map, with its kind
// (and, for a group, which townships it stands for), the other names merged into it and how much
// it is used. Planners merge two names of one unit here; later imports resolve the old name.
import { Fragment, useMemo, useState } from 'react';
import type { MergeUnitsResult, RegistryUnitKind, UnitEntry } from '../../domain/ledger/ledger-types';
import type { Membership } from '../../domain/ledger/types';
import { useBackend } from '../../data/backend-context';
import { toBackendError, type BackendError } from '../../data/backend';
import { useDistricts } from '../../data/districts/districts';
import { listUnits, mergeUnits } from '../../data/units/units';
import { useQuery } from '../../data/use-query';
import { useI18n, type Translate } from '../../i18n/i18n';
import { MergeChooser } from './MergeChooser';
import { filterUnits, UNIT_KINDS } from './unit-rows';

export interface UnitsViewProps {
  /** Only planners may merge; the others read. */
  membership: Membership;
  /** Changes after imports and merges: ask again. */
  revision: number;
  /** Called after a merge. */
  onChanged: () => void;
  onClose: () => void;
}

function errorText(error: BackendError, t: Translate): string {
  return t(`error.${error.code}`, { message: error.message });
}

const USAGE = ['lead', 'cooperating', 'responsible', 'items', 'features'] as const;

export function UnitsView({ membership, revision, onChanged, onClose }: UnitsViewProps) {
  const { t } = useI18n();
  const backend = useBackend();
  const planner = membership.role === 'planner';

  const districts = useDistricts(true);
  const [chosenDistrict, setChosenDistrict] = useState('');
  // The user's own district first; a planner or command user starts on the first one.
  const districtCode =
    chosenDistrict ||
    membership.district?.code ||
    membership.township?.district_code ||
    districts.data?.[0]?.code ||
    null;
  // Asked per district only: merging happens within one, and all districts at once is a long list.
  const units = useQuery(districtCode ? `units#${districtCode}#${revision}` : null, () =>
    listUnits(backend, districtCode),
  );

  const [q, setQ] = useState('');
  const [kind, setKind] = useState<RegistryUnitKind | ''>('');
  const all = units.data;
  const rows = useMemo(() => filterUnits(all ?? [], { q, kind }), [all, q, kind]);

  const [mergeFromId, setMergeFromId] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const [mergeError, setMergeError] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeUnitsResult | null>(null);

  const openMerge = (id: string | null) => {
    setMergeFromId(id);
    setMergeError(null);
  };

  const merge = async (from: UnitEntry, into: UnitEntry) => {
    setMerging(true);
    setMergeError(null);
    setMerged(null);
    try {
      const result = await mergeUnits(backend, from.id, into.id);
      setMerged(result);
      setMergeFromId(null);
      onChanged();
    } catch (error) {
      setMergeError(t('units.merge.failed', { reason: errorText(toBackendError(error), t) }));
    } finally {
      setMerging(false);
    }
  };

  const loadError = units.error ?? districts.error;
  const columns = planner ? 9 : 8;
  return (
    <section
      className="sheet units"
      data-testid="units"
      aria-labelledby="units-title"
      aria-busy={units.loading}
    >
      <header className="sheet-header">
        <div className="units-heading">
          <h2 id="units-title">{t('units.title')}</h2>
          {all && (
            <span className="units-summary" data-testid="units-summary">
              {rows.length === all.length
                ? t('units.summary', { count: all.length })
                : t('units.summaryFiltered', { shown: rows.length, count: all.length })}
              {units.loading && ` · ${t('panel.loading')}`}
            </span>
          )}
          <span className="muted units-hint">{planner ? t('units.hint') : t('units.readOnly')}</span>
        </div>
        <button type="button" onClick={onClose} aria-label={t('panel.close')} data-testid="units-close">
          ×
        </button>
      </header>
      <div className="ledger-filters" role="group" aria-label={t('units.filter.label')}>
        <label>
          <span>{t('units.filter.district')}</span>
          <select
            value={districtCode ?? ''}
            onChange={(e) => {
              setChosenDistrict(e.target.value);
              openMerge(null);
            }}
            data-testid="units-district"
          >
            {districtCode && !districts.data?.some((d) => d.code === districtCode) && (
              <option value={districtCode}>{membership.district?.name ?? districtCode}</option>
            )}
            {districts.data?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('units.filter.kind')}</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as RegistryUnitKind | '')}
            data-testid="units-kind"
          >
            <option value="">{t('units.filter.allKinds')}</option>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`units.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="ledger-q">
          <span>{t('units.filter.q')}</span>
          <input
            type="search"
            value={q}
            placeholder={t('units.filter.qPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="units-q"
          />
        </label>
      </div>
      {merged && (
        <p className="units-notice" role="status" data-testid="units-notice">
          {t('units.merge.done', {
            from: merged.merged.name,
            into: merged.unit.name,
            ...merged.moved,
          })}
          <button
            type="button"
            className="link"
            onClick={() => setMerged(null)}
            aria-label={t('panel.close')}
          >
            ×
          </button>
        </p>
      )}
      {loadError && (
        <p className="error" role="alert">
          {errorText(loadError, t)}
        </p>
      )}
      <div className="units-body">
        {!all && units.loading && <p className="muted units-message">{t('panel.loading')}</p>}
        {all && rows.length === 0 && <p className="muted units-message">{t('units.none')}</p>}
        {rows.length > 0 && (
          <table className="units-table" data-testid="units-table">
            {/* Fixed widths: opening a chooser row does not make the columns jump. */}
            <colgroup>
              <col />
              <col className="units-col-kind" />
              <col className="units-col-aliases" />
              {USAGE.map((k) => (
                <col key={k} className="units-col-count" />
              ))}
              {planner && <col className="units-col-merge" />}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('units.col.name')}</th>
                <th scope="col">{t('units.col.kind')}</th>
                <th scope="col">{t('units.col.aliases')}</th>
                {USAGE.map((k) => (
                  <th scope="col" key={k} className="units-count">
                    {t(`units.col.${k}`)}
                  </th>
                ))}
                {planner && <th scope="col">{t('units.col.merge')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((unit) => (
                <Fragment key={unit.id}>
                  <UnitRow
                    unit={unit}
                    planner={planner}
                    mergeOpen={mergeFromId === unit.id}
                    onToggleMerge={() => openMerge(mergeFromId === unit.id ? null : unit.id)}
                  />
                  {planner && mergeFromId === unit.id && (
                    <tr className="units-merge-row">
                      <td colSpan={columns}>
                        <MergeChooser
                          from={unit}
                          units={all ?? []}
                          busy={merging}
                          error={mergeError}
                          onMerge={(into) => void merge(unit, into)}
                          onCancel={() => openMerge(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

interface RowProps {
  unit: UnitEntry;
  planner: boolean;
  mergeOpen: boolean;
  onToggleMerge: () => void;
}

function UnitRow({ unit, planner, mergeOpen, onToggleMerge }: RowProps) {
  const { t } = useI18n();
  return (
    <tr className="units-row" data-testid="unit-row" data-unit-id={unit.id} data-kind={unit.kind}>
      <td className="units-name" data-testid="unit-name">
        {unit.name}
      </td>
      <td>
        {t(`units.kind.${unit.kind}`)}
        {unit.kind === 'group' && unit.covers && (
          <small className="units-covers">{t(`units.covers.${unit.covers}`)}</small>
        )}
      </td>
      <td data-testid="unit-aliases">
        {unit.aliases.length > 0 ? unit.aliases.join('、') : <span className="muted">—</span>}
      </td>
      {USAGE.map((k) => (
        <td
          key={k}
          className={unit.usage[k] > 0 ? 'units-count' : 'units-count muted'}
          data-testid={`unit-${k}`}
        >
          {unit.usage[k]}
        </td>
      ))}
      {planner && (
        <td>
          <button
            type="button"
            onClick={onToggleMerge}
            aria-expanded={mergeOpen}
            disabled={!unit.district_code}
            data-testid="unit-merge"
          >
            {t('units.merge.open')}
          </button>
        </td>
      )}
    </tr>
  );
}
