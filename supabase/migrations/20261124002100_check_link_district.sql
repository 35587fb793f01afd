-- check_link_district: a task is linked only to features that lie in its plan's district. A plan
-- records its district in plans.district_code (and, for a township's own plan, the township in
-- plans.township_code; townships have no boundary, so the check stays at the district). "Lies in"
-- is read from the map: the feature's geometry intersects the district's boundary, as the feature
-- edit check does (a zone that crosses the boundary lies in both districts). A plan without a
-- district takes any feature. The refusal names both districts, so the UI can say which.

-- The district a feature's geometry lies in (the first by code where it touches several), or null.
create function private.feature_district(feature_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('code', d.code, 'name', d.name)
  from public.features f
  join public.districts d on extensions.st_intersects(d.geom, f.geom)
  where f.id = feature_district.feature_id
  order by d.code
  limit 1
$$;

revoke execute on function private.feature_district(text) from public, anon;
grant execute on function private.feature_district(text) to authenticated, service_role;

-- link_feature_to_task as before (create_ledger_api), and refused with outside_plan_district when
-- the feature lies outside the district of the task's plan. DETAIL: {feature: {id, name},
-- feature_district: {code, name} or null, plan_district: {code, name}}.
create or replace function public.link_feature_to_task(feature_id text, task_id text, note text default null)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  plan_district public.districts;
begin
  perform private.require_planner();
  if not exists (select 1 from public.features f where f.id = link_feature_to_task.feature_id)
     or not exists (select 1 from public.tasks t where t.id = link_feature_to_task.task_id) then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  select d.* into plan_district
  from public.tasks t
  join public.plans p on p.id = t.plan_id
  join public.districts d on d.code = p.district_code
  where t.id = link_feature_to_task.task_id;
  if plan_district.code is not null and not exists (
    select 1 from public.features f
    where f.id = link_feature_to_task.feature_id and extensions.st_intersects(plan_district.geom, f.geom)
  ) then
    raise exception 'outside_plan_district' using errcode = '23514', detail = jsonb_build_object(
      'feature', (select jsonb_build_object('id', f.id, 'name', f.name)
                  from public.features f where f.id = link_feature_to_task.feature_id),
      'feature_district', private.feature_district(link_feature_to_task.feature_id),
      'plan_district', jsonb_build_object('code', plan_district.code, 'name', plan_district.name)
    )::text;
  end if;
  insert into public.feature_tasks (feature_id, task_id, note)
  values (link_feature_to_task.feature_id, link_feature_to_task.task_id,
          nullif(btrim(coalesce(link_feature_to_task.note, '')), ''))
  on conflict do nothing;
  return private.feature_link_json(link_feature_to_task.task_id, link_feature_to_task.feature_id);
end;
$$;

revoke execute on function public.link_feature_to_task(text, text, text) from anon, public;
grant execute on function public.link_feature_to_task(text, text, text) to authenticated, service_role;
