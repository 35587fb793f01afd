-- check_feature_edits: planners correct features on the map (name, township, unit, attributes,
-- position or outline). The edit form needs the version its edit is based on, so feature_detail
-- now carries it; and an edit is checked here with the reason codes of validateFeature
-- (src/domain/feature/feature-validation.ts) plus two that need the database: a township of
-- another district, and a new geometry that lies wholly outside the feature's district. The
-- table's check constraints stay as the last line; this trigger only names the reason first.
-- Tasks get the check validateTask (src/domain/ledger/task-validation.ts) makes of a number.

-- Why a feature row may not be stored as edited, or null when it may.
create function private.feature_edit_problem(f public.features, geometry_changed boolean) returns text
language sql stable
set search_path = ''
as $$
  select case
    when length(btrim(f.name)) = 0 then 'empty_name'
    when length(btrim(f.name)) > 200 then 'name_too_long'
    when not case when f.kind = any (private.area_kinds())
      then extensions.geometrytype(f.geom) in ('POLYGON', 'MULTIPOLYGON')
      else extensions.geometrytype(f.geom) = 'POINT' end
      then 'geometry_kind_mismatch'
    when extensions.st_isempty(f.geom) then 'empty_geometry'
    when extensions.st_xmin(f.geom) < -180 or extensions.st_xmax(f.geom) > 180
      or extensions.st_ymin(f.geom) < -90 or extensions.st_ymax(f.geom) > 90
      then 'coordinates_out_of_range'
    when not extensions.st_isvalid(f.geom) then 'invalid_geometry'
    when f.township_code is not null and not exists (
      select 1 from public.townships tw where tw.code = f.township_code and tw.district_code = f.district_code
    ) then 'township_outside_district'
    when geometry_changed and not exists (
      select 1 from public.districts d
      where d.code = f.district_code and extensions.st_intersects(d.geom, f.geom)
    ) then 'outside_district'
  end
$$;
revoke execute on function private.feature_edit_problem(public.features, boolean) from public, anon;
grant execute on function private.feature_edit_problem(public.features, boolean) to authenticated, service_role;

-- Refuses an edit with `invalid_feature`, the reason code in DETAIL (the UI's message key).
create function private.check_feature_edit() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  problem text := private.feature_edit_problem(new, not extensions.st_equals(new.geom, old.geom));
begin
  if problem is not null then
    raise exception 'invalid_feature' using errcode = '23514', detail = problem;
  end if;
  return new;
end;
$$;

create trigger features_check_edit before update on public.features
  for each row execute function private.check_feature_edit();

-- A task's number is how the plan and the dispatch table name it: never blank (validateTask).
alter table public.tasks add constraint tasks_number_present check (length(btrim(number)) > 0);

-- feature_detail as before, with the version (and time) an edit is based on.
create or replace function public.feature_detail(feature_id text) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'Feature',
    'id', f.id,
    'geometry', extensions.st_asgeojson(f.geom, 6)::jsonb,
    'bbox', jsonb_build_array(
      extensions.st_xmin(f.geom), extensions.st_ymin(f.geom), extensions.st_xmax(f.geom), extensions.st_ymax(f.geom)
    ),
    'properties', jsonb_build_object(
      'id', f.id,
      'kind', f.kind,
      'name', f.name,
      'sample', f.is_sample,
      'version', f.version,
      'updated_at', f.updated_at,
      'attributes', f.properties,
      'district', jsonb_build_object('code', d.code, 'name', d.name),
      'township', case when tw.code is null then null else jsonb_build_object('code', tw.code, 'name', tw.name) end,
      'unit', case when u.id is null then null else jsonb_build_object('id', u.id, 'name', u.name) end,
      'control_zone', case when f.kind = 'station' then private.control_zone_json(f, 1000) end,
      'tasks', coalesce((
        select jsonb_agg(private.task_json(ft.task_id) order by p.issued_on desc nulls last, t.sort_order)
        from public.feature_tasks ft
        join public.tasks t on t.id = ft.task_id
        join public.plans p on p.id = t.plan_id
        where ft.feature_id = f.id
      ), '[]'::jsonb)
    )
  )
  from public.features f
  join public.districts d on d.code = f.district_code
  left join public.townships tw on tw.code = f.township_code
  left join public.units u on u.id = f.unit_id
  where f.id = feature_detail.feature_id
$$;
-- create or replace drops the settings migration 20261123000500 gave it.
alter function public.feature_detail(text) set jit = off;
