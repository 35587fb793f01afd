// A planner corrects a feature: name, township, responsible unit, attributes, and its position
// (a click on the map) or outline (corners clicked in order). Checked by validateFeature before
// sending; the database checks the same and more (district, township), and refuses an edit
// based on an old version with the values as they now stand.
import { useMemo, useState } from 'react';
import type { Geometry } from 'geojson';
import { isAreaKind } from '../../domain/feature/kinds';
import { validateFeature, type FeatureEditReason } from '../../domain/feature/feature-validation';
import { fromFields, toFields, type AttributeField } from '../../domain/feature/attribute-fields';
import type { DraftMode } from '../../domain/feature/geometry-draft';
import type { FeatureDetail, FeatureValues } from '../../domain/ledger/types';
import { useBackend } from '../../data/backend-context';
import { updateFeature } from '../../data/features/feature-detail';
import { useDistricts } from '../../data/districts/districts';
import { useUnits } from '../../data/units/units';
import { isMessageKey, useI18n } from '../../i18n/i18n';
import { formatTime } from '../format-time';
import { attributeLabel } from './attribute-format';
import { useVersionedSave } from './use-versioned-save';
import { EditFooter } from './EditFooter';

export interface ShapeEdit {
  /** The new position or outline, once drawn; null while none. */
  geometry: Geometry | null;
  /** True while the map takes clicks for it. */
  drawing: boolean;
  onDraw: (mode: DraftMode) => void;
  onDiscard: () => void;
}

interface Props {
  detail: FeatureDetail;
  shape: ShapeEdit;
  /** The editor closes; `refresh` when the feature changed (saved, or changed by someone else). */
  onDone: (refresh: boolean) => void;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function FeatureEditor({ detail, shape, onDone }: Props) {
  const { t, locale } = useI18n();
  const backend = useBackend();
  const p = detail.properties;
  const [name, setName] = useState(p.name);
  const [townshipCode, setTownshipCode] = useState(p.township?.code ?? '');
  const [unitId, setUnitId] = useState(p.unit?.id ?? '');
  const [fields, setFieldsNow] = useState<AttributeField[]>(() => toFields(p.attributes));
  const [problem, setProblem] = useState<string | null>(null);
  const districts = useDistricts(true);
  const townships = useMemo(
    () => districts.data?.find((d) => d.code === p.district.code)?.townships ?? [],
    [districts.data, p.district.code],
  );
  const units = useUnits(p.district.code, 0);
  // A feature's responsible unit is one body, not a group such as 各镇（街道）.
  const unitChoices = useMemo(() => (units.data ?? []).filter((u) => !u.covers), [units.data]);

  const attributes = fromFields(fields);
  const changes = {
    ...(name !== p.name ? { name } : {}),
    ...(townshipCode !== (p.township?.code ?? '') ? { township_code: townshipCode || null } : {}),
    ...(unitId !== (p.unit?.id ?? '') ? { unit_id: unitId || null } : {}),
    ...(attributes.ok && !sameJson(attributes.value, p.attributes) ? { properties: attributes.value } : {}),
    ...(shape.geometry ? { geometry: shape.geometry } : {}),
  };
  const changed = Object.keys(changes).length > 0;

  const saving = useVersionedSave<FeatureValues>((base_version, client_id) =>
    updateFeature(backend, { feature_id: p.id, base_version, changes, client_id }),
  );
  // A message about the form goes as soon as the form changes.
  const changing =
    <A extends unknown[]>(set: (...args: A) => void) =>
    (...args: A) => {
      setProblem(null);
      saving.clearError();
      set(...args);
    };
  const setFields = changing(setFieldsNow);

  const reasonText = (reason: FeatureEditReason) => t(`feature.invalid.${reason}`);
  const errorText = saving.error
    ? saving.error.code === 'invalid_feature' &&
      isMessageKey(`feature.invalid.${String(saving.error.detail)}`)
      ? reasonText(saving.error.detail as FeatureEditReason)
      : t(`error.${saving.error.code}`, { message: saving.error.message })
    : null;

  const submit = async (baseVersion: number) => {
    setProblem(null);
    if (!attributes.ok) {
      return setProblem(t(`feature.attribute.${attributes.reason}`, { key: attributes.key }));
    }
    const verdict = validateFeature({
      id: p.id,
      kind: p.kind,
      name,
      geometry: shape.geometry ?? detail.geometry,
    });
    if (!verdict.ok) return setProblem(reasonText(verdict.reason));
    if (await saving.save(baseVersion)) onDone(true);
  };

  const setField = (index: number, patch: Partial<AttributeField>) =>
    setFields((all) => all.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const conflict = saving.conflict;
  const area = isAreaKind(p.kind);

  return (
    <form className="action-form edit-form" data-testid="feature-editor" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('edit.name')}
        <input
          value={name}
          maxLength={200}
          onChange={(e) => changing(setName)(e.target.value)}
          data-testid="edit-name"
        />
      </label>
      <label>
        {t('panel.township')}
        <select
          value={townshipCode}
          onChange={(e) => changing(setTownshipCode)(e.target.value)}
          data-testid="edit-township"
        >
          <option value="">{t('panel.unassigned')}</option>
          {townships.map((tw) => (
            <option key={tw.code} value={tw.code}>
              {tw.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('panel.unit')}
        <select value={unitId} onChange={(e) => changing(setUnitId)(e.target.value)} data-testid="edit-unit">
          <option value="">{t('panel.unassigned')}</option>
          {/* The current unit stays choosable while the list loads. */}
          {p.unit && !unitChoices.some((u) => u.id === p.unit!.id) && (
            <option value={p.unit.id}>{p.unit.name}</option>
          )}
          {unitChoices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="edit-attributes" data-testid="edit-attributes">
        <legend>{t('panel.properties')}</legend>
        {fields.map((f, i) => (
          <div className="attribute-row" key={i}>
            {f.key in p.attributes && fields.findIndex((g) => g.key === f.key) === i ? (
              // A stored attribute keeps its name; its label is the one the panel shows.
              <span className="attribute-key">{attributeLabel(f.key, t)}</span>
            ) : (
              <input
                value={f.key}
                aria-label={t('edit.attributeKey')}
                placeholder={t('edit.attributeKey')}
                onChange={(e) => setField(i, { key: e.target.value })}
              />
            )}
            {f.type === 'boolean' ? (
              <select value={f.text} onChange={(e) => setField(i, { text: e.target.value })}>
                <option value="true">{t('common.yes')}</option>
                <option value="false">{t('common.no')}</option>
              </select>
            ) : (
              <input
                value={f.text}
                readOnly={f.type === 'fixed'}
                inputMode={f.type === 'number' ? 'decimal' : undefined}
                aria-label={t('edit.attributeValue')}
                title={f.type === 'list' ? t('edit.listHint') : undefined}
                onChange={(e) => setField(i, { text: e.target.value })}
              />
            )}
            <button
              type="button"
              className="link"
              aria-label={t('edit.removeAttribute')}
              title={t('edit.removeAttribute')}
              onClick={() => setFields((all) => all.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link"
          onClick={() => setFields((all) => [...all, { key: '', type: 'text', text: '' }])}
          data-testid="edit-add-attribute"
        >
          {t('edit.addAttribute')}
        </button>
      </fieldset>

      <div className="edit-shape">
        <span data-testid="edit-shape-state">
          {shape.geometry
            ? t(area ? 'edit.outlineDrawn' : 'edit.positionChosen')
            : shape.drawing
              ? t('edit.drawingOnMap')
              : t(area ? 'edit.outlineUnchanged' : 'edit.positionUnchanged')}
        </span>
        <button
          type="button"
          disabled={shape.drawing}
          onClick={() => changing(shape.onDraw)(area ? 'area' : 'point')}
          data-testid="edit-draw"
        >
          {t(area ? 'edit.drawOutline' : 'edit.movePosition')}
        </button>
        {shape.geometry && (
          <button type="button" className="link" onClick={shape.onDiscard}>
            {t('edit.keepOldShape')}
          </button>
        )}
      </div>

      <EditFooter
        errorText={problem ?? errorText}
        conflictText={
          conflict &&
          t('edit.conflict', {
            name: conflict.name,
            version: conflict.version,
            at: formatTime(conflict.updated_at, locale),
          })
        }
        busy={saving.busy}
        canSave={changed && !shape.drawing}
        saveTestId="edit-save"
        onSave={() => void submit(p.version)}
        onOverwrite={() => conflict && void submit(conflict.version)}
        onDone={onDone}
      />
    </form>
  );
}
