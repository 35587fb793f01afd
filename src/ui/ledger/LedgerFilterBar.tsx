// The ledger's filter row: plan, unit and its role, township, status, due date and text.
import { ITEM_STATUSES } from '../../domain/ledger/item-status';
import type { PlanListEntry, UnitEntry } from '../../domain/ledger/ledger-types';
import { UNIT_ROLES } from '../../domain/ledger/types';
import { useI18n } from '../../i18n/i18n';
import { NO_FILTERS, type ChoiceGroup, type FilterState, type TownshipChoice } from './ledger-rows';

interface Props {
  state: FilterState;
  update: (patch: Partial<FilterState>) => void;
  reset: () => void;
  plans: PlanListEntry[];
  units: ChoiceGroup<UnitEntry>[];
  /** Null hides the township filter (a township's ledger is its own already). */
  townships: ChoiceGroup<TownshipChoice>[] | null;
}

export function LedgerFilterBar({ state, update, reset, plans, units, townships }: Props) {
  const { t } = useI18n();
  const changed = JSON.stringify(state) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="ledger-filters" role="group" aria-label={t('ledger.filter.label')}>
      <label>
        <span>{t('ledger.filter.plan')}</span>
        <select
          value={state.planId}
          onChange={(e) => update({ planId: e.target.value })}
          data-testid="ledger-plan"
        >
          <option value="">{t('ledger.filter.allPlans')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.doc_number
                ? t('ledger.filter.planWithNumber', { title: p.title, number: p.doc_number })
                : p.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('ledger.filter.unit')}</span>
        <select
          value={state.unitId}
          onChange={(e) => update({ unitId: e.target.value })}
          data-testid="ledger-unit"
        >
          <option value="">{t('ledger.filter.allUnits')}</option>
          {units.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        <span>{t('ledger.filter.role')}</span>
        <select
          value={state.unitRole}
          onChange={(e) => update({ unitRole: e.target.value as FilterState['unitRole'] })}
          disabled={!state.unitId}
          data-testid="ledger-role"
        >
          <option value="">{t('ledger.role.any')}</option>
          {UNIT_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`ledger.role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      {townships && (
        <label>
          <span>{t('ledger.filter.township')}</span>
          <select
            value={state.townshipCode}
            onChange={(e) => update({ townshipCode: e.target.value })}
            data-testid="ledger-township"
          >
            <option value="">{t('ledger.filter.allTownships')}</option>
            {townships.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((tw) => (
                  <option key={tw.code} value={tw.code}>
                    {tw.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{t('ledger.filter.status')}</span>
        <select
          value={state.status}
          onChange={(e) => update({ status: e.target.value as FilterState['status'] })}
          data-testid="ledger-status"
        >
          <option value="">{t('ledger.filter.allStatuses')}</option>
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="ledger-check">
        <input
          type="checkbox"
          checked={state.due === 'overdue'}
          onChange={(e) => update({ due: e.target.checked ? 'overdue' : 'any' })}
          data-testid="ledger-overdue"
        />
        {t('ledger.filter.overdue')}
      </label>
      <label className="ledger-check">
        <input
          type="checkbox"
          checked={state.due === 'soon'}
          onChange={(e) => update({ due: e.target.checked ? 'soon' : 'any' })}
          data-testid="ledger-due-soon"
        />
        {t('ledger.filter.dueSoon')}
      </label>
      <label className="ledger-q">
        <span>{t('ledger.filter.q')}</span>
        <input
          type="search"
          value={state.q}
          placeholder={t('ledger.filter.qPlaceholder')}
          onChange={(e) => update({ q: e.target.value })}
          data-testid="ledger-q"
        />
      </label>
      <button type="button" onClick={reset} disabled={!changed} data-testid="ledger-reset">
        {t('ledger.filter.reset')}
      </button>
    </div>
  );
}
