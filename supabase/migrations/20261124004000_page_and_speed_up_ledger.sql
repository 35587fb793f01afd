-- page_and_speed_up_ledger: ledger_tasks and work_items_list answered at most 2000 rows a call,
-- which cut the ledger, its export and the weekly reports short on a large district, and a page of
-- the ledger took seconds once a district held a few thousand tasks: every row called task_json,
-- whose nested functions (not inlined: they set search_path) were planned again on every call.
-- - Both lists gain offset_n (rows to skip, in their fixed order); clients read every match page by
--   page (src/data/paging.ts). work_items_list gains assignments_only: a task's panel lists the
--   items of its assignments, which the items of its many linked features could push off a page.
-- - tasks_json builds the JSON of many tasks in one query; task_json is that query for one task.
--   A task's status and due date are rules over values (task_status_of, deadline_of), so the
--   ledger computes them for all its rows in its own query, by the same rules as one task.
-- Signatures of the two lists change, so they are dropped and created again whole.

-- A task's status from the statuses of its items (any order, repeats allowed): none → not started,
-- all closed → closed, all done or closed → done, any started → in progress.
create function private.task_status_of(item_statuses text[]) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when coalesce(cardinality(item_statuses), 0) = 0 then 'not_started'
    when item_statuses <@ array['closed'] then 'closed'
    when item_statuses <@ array['done', 'closed'] then 'done'
    when not item_statuses <@ array['not_started'] then 'in_progress'
    else 'not_started'
  end
$$;

-- A task is due at its earliest deadline, else when its plan's campaign period ends.
create function private.deadline_of(deadlines date[], period_end date) returns date
language sql immutable
set search_path = ''
as $$
  select coalesce((select min(d) from unnest(deadlines) d), period_end)
$$;

create or replace function private.task_status(task_id text) returns text
language sql stable
set search_path = ''
as $$
  select private.task_status_of(array(
    select i.status from public.work_items i where i.task_id = task_status.task_id))
$$;

create or replace function private.task_deadline(task_id text) returns date
language sql stable
set search_path = ''
as $$
  select private.deadline_of(t.deadlines, p.period_end)
  from public.tasks t join public.plans p on p.id = t.plan_id
  where t.id = task_deadline.task_id
$$;

-- Tasks as the panel and the ledger show them: plan, units by role (牵头/配合/责任, names as
-- printed), status, items counted by status and overdue (as far as the caller sees them), linked
-- feature count, and the version an edit must be based on. One row per task found.
create function private.tasks_json(task_ids text[]) returns table (id text, task jsonb)
language sql stable
set search_path = ''
as $$
  select t.id, jsonb_build_object(
    'id', t.id,
    'number', t.number,
    'title', t.title,
    'section', t.section,
    'deadlines', to_jsonb(t.deadlines),
    'deadline', (select min(d) from unnest(t.deadlines) d),
    'status', private.task_status_of(coalesce(it.statuses, '{}')),
    'version', t.version,
    'items', jsonb_build_object(
      'total', coalesce(it.total, 0),
      'overdue', coalesce(it.overdue, 0),
      'counts', coalesce(it.counts, '{}'::jsonb)
    ),
    'plan', jsonb_build_object(
      'id', p.id, 'title', p.title, 'doc_number', p.doc_number, 'year', p.year, 'region', p.region
    ),
    'units', jsonb_build_object(
      'lead', coalesce(un.by_role -> 'lead', '[]'::jsonb),
      'cooperating', coalesce(un.by_role -> 'cooperating', '[]'::jsonb),
      'responsible', coalesce(un.by_role -> 'responsible', '[]'::jsonb)
    ),
    'feature_count', (select count(*) from public.feature_tasks ft where ft.task_id = t.id)
  )
  from public.tasks t
  join public.plans p on p.id = t.plan_id
  left join lateral (
    select sum(c.n) as total, sum(c.overdue) as overdue, jsonb_object_agg(c.status, c.n) as counts,
      array_agg(c.status) as statuses
    from (
      select i.status, count(*) as n,
        count(*) filter (
          where i.deadline is not null and i.deadline < private.china_today() and i.status <> 'closed'
        ) as overdue
      from public.work_items i where i.task_id = t.id group by i.status
    ) c
  ) it on true
  left join lateral (
    select jsonb_object_agg(r.role, r.units) as by_role
    from (
      select tu.role, jsonb_agg(
        jsonb_strip_nulls(jsonb_build_object('id', u.id, 'name', tu.name_as_printed, 'scope', nullif(tu.scope, '')))
        order by tu.scope, tu.sort_order
      ) as units
      from public.task_units tu
      join public.units u on u.id = tu.unit_id
      where tu.task_id = t.id
      group by tu.role
    ) r
  ) un on true
  where t.id = any (task_ids)
$$;

create or replace function private.task_json(task_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select j.task from private.tasks_json(array[task_id]) j
$$;

drop function private.task_units_json(text, text);

revoke execute on function
  private.task_status_of(text[]), private.deadline_of(date[], date), private.tasks_json(text[])
from public, anon;
grant execute on function
  private.task_status_of(text[]), private.deadline_of(date[], date), private.tasks_json(text[])
to authenticated, service_role;

drop function public.ledger_tasks(text, text, text, text, text[], boolean, int, text, int);
drop function public.work_items_list(text[], text, text, text, boolean, int);

-- ledger_tasks: the tasks the caller may read (a township: the ones it holds items of), newest
-- plan first, then in plan order. Each is a task as the panel shows it plus `due` (the earliest
-- deadline, else the end of the plan's campaign period), `overdue` and `due_soon` (within 7 days;
-- both as isOverdue/isDueSoon of src/domain/ledger/deadline.ts, China date) and `progress`. Filters
-- are optional: a unit in any or one role; a township holding items of the task; derived statuses;
-- overdue only; due within n days; text in number, title, section, plan, 文号 or a printed unit name.
-- `total`, `overdue` and `due_soon` count every match; `tasks` lists at most limit_n (≤ 2000) of
-- them after skipping offset_n (a negative offset counts as 0).
create function public.ledger_tasks(
  plan_id text default null,
  unit_id text default null,
  unit_role text default null,
  township_code text default null,
  statuses text[] default null,
  overdue_only boolean default false,
  due_within_days int default null,
  q text default null,
  limit_n int default 500,
  offset_n int default 0
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
      private.task_status_of(array(select i.status from public.work_items i where i.task_id = t.id)) as status,
      private.deadline_of(t.deadlines, p.period_end) as due
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
    offset greatest(0, coalesce(offset_n, 0))
  )
  select jsonb_build_object(
    'total', (select count(*) from filtered),
    'overdue', (select count(*) from filtered f where f.overdue),
    'due_soon', (select count(*) from filtered f where f.due_soon),
    'tasks', coalesce((
      select jsonb_agg(
        j.task || jsonb_build_object(
          'due', l.due, 'overdue', l.overdue, 'due_soon', l.due_soon, 'progress', private.task_progress(l.id))
        order by l.issued_on desc nulls last, l.of_plan, l.sort_order, l.id)
      from listed l
      join private.tasks_json(array(select l2.id from listed l2)) j on j.id = l.id
    ), '[]'::jsonb)
  ) into result;
  return result;
end;
$$;

-- work_items_list: the items in the caller's reach (for a township: its own, 我的任务), overdue
-- first, then by deadline; closed ones last. Filters are optional (assignments_only: items of a
-- township or unit assignment, not of a linked feature). Counts cover every match; the list holds
-- at most limit_n (≤ 2000) of them after skipping offset_n (a negative offset counts as 0).
create function public.work_items_list(
  statuses text[] default null,
  township_code text default null,
  task_id text default null,
  feature_id text default null,
  overdue_only boolean default false,
  assignments_only boolean default false,
  limit_n int default 200,
  offset_n int default 0
) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  with matching as (
    select i as item, i.id, i.task_id, i.status, i.deadline,
      i.deadline is not null and i.deadline < private.china_today() and i.status <> 'closed' as overdue
    from public.work_items i
    where (work_items_list.statuses is null or i.status = any (work_items_list.statuses))
      and (work_items_list.township_code is null or i.township_code = work_items_list.township_code)
      and (work_items_list.task_id is null or i.task_id = work_items_list.task_id)
      and (work_items_list.feature_id is null or i.feature_id = work_items_list.feature_id)
      and (not work_items_list.assignments_only or i.feature_id is null)
  ),
  filtered as (
    select * from matching m where not work_items_list.overdue_only or m.overdue
  ),
  listed as (
    select * from filtered f
    order by f.status = 'closed', f.status = 'done', f.overdue desc, f.deadline nulls last, f.task_id, f.id
    limit greatest(0, least(coalesce(limit_n, 200), 2000))
    offset greatest(0, coalesce(offset_n, 0))
  )
  select jsonb_build_object(
    'total', (select count(*) from filtered),
    'overdue', (select count(*) from filtered where overdue),
    'counts', coalesce((select jsonb_object_agg(status, n) from (
      select status, count(*) n from filtered group by status) c), '{}'::jsonb),
    'items', coalesce((
      select jsonb_agg(private.work_item_json(l.item)
        order by l.status = 'closed', l.status = 'done', l.overdue desc, l.deadline nulls last, l.task_id, l.id)
      from listed l
    ), '[]'::jsonb)
  )
$$;

revoke execute on function
  public.ledger_tasks(text, text, text, text, text[], boolean, int, text, int, int),
  public.work_items_list(text[], text, text, text, boolean, boolean, int, int)
from anon, public;
grant execute on function
  public.ledger_tasks(text, text, text, text, text[], boolean, int, text, int, int),
  public.work_items_list(text[], text, text, text, boolean, boolean, int, int)
to authenticated, service_role;

-- As for the map API (tune_map_api_settings): JIT would compile longer than the query runs.
alter function public.ledger_tasks(text, text, text, text, text[], boolean, int, text, int, int) set jit = off;
