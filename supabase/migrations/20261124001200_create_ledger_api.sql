-- create_ledger_api: the ledger view (台账). ledger_tasks lists every task the caller may read with
-- its derived status, items, units, feature count, due date flags and latest progress note,
-- filtered by plan, unit and role, township, status, deadline and text; it is also the source of
-- the weekly dispatch table export. Planners link tasks to map features from here (挂图作战).

-- The newest progress note among the task's items the caller sees, with who wrote it and when.
create function private.task_progress(task_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'note', i.last_note, 'at', i.last_event_at, 'actor_name', private.member_name(i.last_actor),
    'township_name', tw.name, 'unit_name', u.name
  )
  from public.work_items i
  left join public.townships tw on tw.code = i.township_code
  left join public.units u on u.id = i.unit_id
  where i.task_id = task_progress.task_id and i.last_note is not null
  order by i.last_event_at desc nulls last, i.id
  limit 1
$$;

-- Whether a feature is linked to a task, and how many features the task has now.
create function private.feature_link_json(task_id text, feature_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'task_id', feature_link_json.task_id,
    'feature_id', feature_link_json.feature_id,
    'linked', exists (
      select 1 from public.feature_tasks ft
      where ft.task_id = feature_link_json.task_id and ft.feature_id = feature_link_json.feature_id),
    'feature_count', (select count(*) from public.feature_tasks ft where ft.task_id = feature_link_json.task_id)
  )
$$;

revoke execute on function private.task_progress(text), private.feature_link_json(text, text) from public, anon;
grant execute on function private.task_progress(text), private.feature_link_json(text, text)
  to authenticated, service_role;

-- ledger_tasks: the tasks the caller may read (a township: the ones it holds items of), newest
-- plan first, then in plan order. Each is a task as the panel shows it plus `due` (the earliest
-- deadline, else the end of the plan's campaign period), `overdue` and `due_soon` (within 7 days;
-- both as isOverdue/isDueSoon of src/domain/ledger/deadline.ts, China date) and `progress`. Filters
-- are optional: a unit in any or one role; a township holding items of the task; derived statuses;
-- overdue only; due within n days; text in number, title, section, plan, 文号 or a printed unit name.
-- `total`, `overdue` and `due_soon` count every match, `tasks` lists at most limit_n.
create function public.ledger_tasks(
  plan_id text default null,
  unit_id text default null,
  unit_role text default null,
  township_code text default null,
  statuses text[] default null,
  overdue_only boolean default false,
  due_within_days int default null,
  q text default null,
  limit_n int default 500
) returns jsonb
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  today constant date := private.china_today();
  needle constant text := nullif(lower(btrim(coalesce(q, ''), private.js_spaces())), '');
  result jsonb;
begin
  if ledger_tasks.unit_role not in ('lead', 'cooperating', 'responsible') then
    raise exception 'invalid_filter' using errcode = '22023', detail = 'unit_role: lead, cooperating or responsible';
  end if;
  if exists (
    select 1 from unnest(ledger_tasks.statuses) s
    where s is null or s not in ('not_started', 'in_progress', 'done', 'closed')
  ) then
    raise exception 'invalid_filter' using errcode = '22023',
      detail = 'statuses: not_started, in_progress, done, closed';
  end if;
  if ledger_tasks.due_within_days < 0 then
    raise exception 'invalid_filter' using errcode = '22023', detail = 'due_within_days: 0 or more';
  end if;

  with matching as (
    select t.id, t.plan_id as of_plan, t.sort_order, p.issued_on,
      private.task_status(t.id) as status, private.task_deadline(t.id) as due
    from public.tasks t
    join public.plans p on p.id = t.plan_id
    where (ledger_tasks.plan_id is null or t.plan_id = ledger_tasks.plan_id)
      and (ledger_tasks.unit_id is null or exists (
        select 1 from public.task_units tu
        where tu.task_id = t.id and tu.unit_id = ledger_tasks.unit_id
          and (ledger_tasks.unit_role is null or tu.role = ledger_tasks.unit_role)))
      and (ledger_tasks.township_code is null or p.township_code = ledger_tasks.township_code or exists (
        select 1 from public.work_items i where i.task_id = t.id and i.township_code = ledger_tasks.township_code))
      and (needle is null
        or strpos(lower(concat_ws(' ', t.number, t.title, t.section, p.title, p.doc_number)), needle) > 0
        or exists (
          select 1 from public.task_units tu
          where tu.task_id = t.id and strpos(lower(tu.name_as_printed), needle) > 0))
  ),
  flagged as (
    select m.*,
      m.due is not null and m.status <> 'closed' and m.due < today as overdue,
      m.due is not null and m.status <> 'closed' and m.due >= today and m.due < today + 7 as due_soon
    from matching m
    where ledger_tasks.statuses is null or m.status = any (ledger_tasks.statuses)
  ),
  filtered as (
    select f.* from flagged f
    where (not overdue_only or f.overdue)
      and (ledger_tasks.due_within_days is null
        or (f.status <> 'closed' and f.due >= today and f.due < today + ledger_tasks.due_within_days))
  ),
  listed as (
    select f.* from filtered f
    order by f.issued_on desc nulls last, f.of_plan, f.sort_order, f.id
    limit greatest(0, least(coalesce(limit_n, 500), 2000))
  )
  select jsonb_build_object(
    'total', (select count(*) from filtered),
    'overdue', (select count(*) from filtered f where f.overdue),
    'due_soon', (select count(*) from filtered f where f.due_soon),
    'tasks', coalesce((
      select jsonb_agg(
        private.task_json(l.id) || jsonb_build_object(
          'due', l.due, 'overdue', l.overdue, 'due_soon', l.due_soon, 'progress', private.task_progress(l.id))
        order by l.issued_on desc nulls last, l.of_plan, l.sort_order, l.id)
      from listed l
    ), '[]'::jsonb)
  ) into result;
  return result;
end;
$$;

-- link_feature_to_task: planners say a task concerns a feature (挂图作战); the feature's item
-- follows from the trigger on feature_tasks. Linking twice changes nothing. Returns {task_id,
-- feature_id, linked, feature_count}; not_found when either is missing.
create function public.link_feature_to_task(feature_id text, task_id text, note text default null) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
begin
  perform private.require_planner();
  if not exists (select 1 from public.features f where f.id = link_feature_to_task.feature_id)
     or not exists (select 1 from public.tasks t where t.id = link_feature_to_task.task_id) then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  insert into public.feature_tasks (feature_id, task_id, note)
  values (link_feature_to_task.feature_id, link_feature_to_task.task_id,
          nullif(btrim(coalesce(link_feature_to_task.note, '')), ''))
  on conflict do nothing;
  return private.feature_link_json(link_feature_to_task.task_id, link_feature_to_task.feature_id);
end;
$$;

-- unlink_feature_from_task: planners take a feature off a task. Its item goes too while nobody
-- has acted on it; an item with progress stays on record. Unlinking what is not linked changes
-- nothing. Returns {task_id, feature_id, linked, feature_count}.
create function public.unlink_feature_from_task(feature_id text, task_id text) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
begin
  perform private.require_planner();
  delete from public.feature_tasks ft
  where ft.feature_id = unlink_feature_from_task.feature_id and ft.task_id = unlink_feature_from_task.task_id;
  delete from public.work_items i
  where i.task_id = unlink_feature_from_task.task_id and i.feature_id = unlink_feature_from_task.feature_id
    and i.status = 'not_started' and i.version = 1;
  return private.feature_link_json(unlink_feature_from_task.task_id, unlink_feature_from_task.feature_id);
end;
$$;

revoke execute on function
  public.ledger_tasks(text, text, text, text, text[], boolean, int, text, int),
  public.link_feature_to_task(text, text, text),
  public.unlink_feature_from_task(text, text)
from anon, public;
grant execute on function
  public.ledger_tasks(text, text, text, text, text[], boolean, int, text, int),
  public.link_feature_to_task(text, text, text),
  public.unlink_feature_from_task(text, text)
to authenticated, service_role;

-- As for the map API (tune_map_api_settings): JIT would compile longer than the query runs.
alter function public.ledger_tasks(text, text, text, text, text[], boolean, int, text, int) set jit = off;
