// The unit registry (单位管理): every unit of a district as one table over the map, with its kind
// (and, for a group, which townships it stands for), its other names and how much it is used.
// Planners rename a unit in place (the old name stays an alias), merge two names of one unit
// (later imports resolve the old name) and split a merged unit out again (拆分, undoing the merge).
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { RegistryUnitKind, UnitEntry, UnitMerge } from '../../domain/ledger/ledger-types';
import type { Membership } from '../../domain/ledger/types';
import { useBackend } from '../../data/backend-context';
import { toBackendError, type BackendError } from '../../data/backend';
import { useDistricts } from '../../data/districts/districts';
import { listUnits, mergeUnits, renameUnit, undoMerge } from '../../data/units/units';
import { useQuery } from '../../data/use-query';
import { useI18n } from '../../i18n/i18n';
import { MergeChooser } from './MergeChooser';
import { RenameForm } from './RenameForm';
import { UnmergePanel } from './UnmergePanel';
import { doneText, errorText, renameErrorText, unmergeErrorText, type Done } from './unit-messages';
import { filterUnits, UNIT_KINDS } from './unit-rows';

export interface UnitsViewProps {
  /** Only planners may rename, merge and split; the others read. */
  membership: Membership;
  /** Changes after imports, renames and merges: ask again. */
  revision: number;
  /** Called after a rename, a merge or its undoing, and when a refusal says the list is out of date. */
  onChanged: () => void;
  onClose: () => void;
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

  // One chooser under one row at a time: merge it into another, or split merged units out of it.
  const [panel, setPanel] = useState<{ kind: 'merge' | 'unmerge'; unitId: string } | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  // One id per submission: a repeated one (a double click) is stored once.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());

  const openPanel = (next: typeof panel) => {
    setPanel(next);
    setRenamingId(null);
    setWriteError(null);
  };
  const openRename = (id: string | null) => {
    setRenamingId(id);
    setPanel(null);
    setWriteError(null);
  };

  /** Runs a write: on success closes what was open and says what was done; else keeps it open with why. */
  const write = async <T,>(
    run: () => Promise<T>,
    after: (result: T) => Done,
    why: (e: BackendError) => string,
  ) => {
    setBusy(true);
    setWriteError(null);
    setDone(null);
    try {
      const result = await run();
      setDone(after(result));
      setPanel(null);
      setRenamingId(null);
      onChanged();
    } catch (error) {
      const e = toBackendError(error);
      setWriteError(why(e));
      // The list may be out of date (a version, a merge since): ask again.
      if (e.code === 'stale_version' || e.code === 'cannot_unmerge' || e.code === 'not_found') onChanged();
    } finally {
      setClientId(crypto.randomUUID());
      setBusy(false);
    }
  };

  const merge = (from: UnitEntry, into: UnitEntry) =>
    write(
      () => mergeUnits(backend, from.id, into.id),
      (result) => ({ kind: 'merged', result }),
      (e) => t('units.merge.failed', { reason: errorText(e, t) }),
    );
  const rename = (unit: UnitEntry, name: string) =>
    write(
      () => renameUnit(backend, unit, name, clientId),
      (result) => ({ kind: 'renamed', from: unit.name, unit: result }),
      (e) => renameErrorText(e, t),
    );
  const unmerge = (kept: UnitEntry, m: UnitMerge) =>
    write(
      () => undoMerge(backend, m.id, clientId),
      (result) => ({ kind: 'unmerged', result }),
      (e) => unmergeErrorText(e, kept, t),
    );

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
              openPanel(null);
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
      {done && (
        <p className="units-notice" role="status" data-testid="units-notice">
          <span data-testid="units-notice-text">{doneText(done, t)}</span>
          <button type="button" className="link" onClick={() => setDone(null)} aria-label={t('panel.close')}>
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
              {planner && <col className="units-col-actions" />}
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
                {planner && <th scope="col">{t('units.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((unit) => (
                <Fragment key={unit.id}>
                  <UnitRow
                    unit={unit}
                    planner={planner}
                    open={panel?.unitId === unit.id ? panel.kind : null}
                    onToggle={(kind) =>
                      openPanel(
                        panel?.unitId === unit.id && panel.kind === kind ? null : { kind, unitId: unit.id },
                      )
                    }
                    onRename={() => openRename(unit.id)}
                    name={
                      renamingId === unit.id ? (
                        <RenameForm
                          unit={unit}
                          units={all ?? []}
                          busy={busy}
                          error={writeError}
                          onSave={(name) => void rename(unit, name)}
                          onCancel={() => openRename(null)}
                        />
                      ) : (
                        unit.name
                      )
                    }
                  />
                  {planner && panel?.unitId === unit.id && (
                    <tr className="units-merge-row">
                      <td colSpan={columns}>
                        {panel.kind === 'merge' ? (
                          <MergeChooser
                            from={unit}
                            units={all ?? []}
                            busy={busy}
                            error={writeError}
                            onMerge={(into) => void merge(unit, into)}
                            onCancel={() => openPanel(null)}
                          />
                        ) : (
                          <UnmergePanel
                            unit={unit}
                            busy={busy}
                            error={writeError}
                            onUndo={(m) => void unmerge(unit, m)}
                            onCancel={() => openPanel(null)}
                          />
                        )}
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
  /** Which chooser is open under this row. */
  open: 'merge' | 'unmerge' | null;
  onToggle: (kind: 'merge' | 'unmerge') => void;
  onRename: () => void;
  /** The name, or the form renaming it. */
  name: ReactNode;
}

function UnitRow({ unit, planner, open, onToggle, onRename, name }: RowProps) {
  const { t } = useI18n();
  return (
    <tr className="units-row" data-testid="unit-row" data-unit-id={unit.id} data-kind={unit.kind}>
      <td className="units-name" data-testid="unit-name">
        {name}
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
        <td className="units-actions">
          <button type="button" onClick={onRename} data-testid="unit-rename-open">
            {t('units.rename.open')}
          </button>
          <button
            type="button"
            onClick={() => onToggle('merge')}
            aria-expanded={open === 'merge'}
            disabled={!unit.district_code}
            data-testid="unit-merge"
          >
            {t('units.merge.open')}
          </button>
          {unit.merges.length > 0 && (
            <button
              type="button"
              onClick={() => onToggle('unmerge')}
              aria-expanded={open === 'unmerge'}
              data-testid="unit-unmerge-open"
            >
              {t('units.unmerge.open')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
