-- derive_task_status: a task's status now follows its work items (对账销号) instead of a column
-- nobody wrote: closed when every item is closed, done when every item is done or closed, in
-- progress once any item has started. A task's JSON also counts its items by status and the
-- overdue ones, as far as the caller may see them (a township sees its own), and carries the
-- version an edit must be based on.

create function private.task_status(task_id text) returns text
language sql stable
set search_path = ''
as $$
  select case
    when count(*) = 0 then 'not_started'
    when bool_and(i.status = 'closed') then 'closed'
    when bool_and(i.status in ('done', 'closed')) then 'done'
    when bool_or(i.status <> 'not_started') then 'in_progress'
    else 'not_started'
  end
  from public.work_items i where i.task_id = task_status.task_id
$$;
revoke execute on function private.task_status(text) from public, anon;
grant execute on function private.task_status(text) to authenticated, service_role;

create or replace function private.task_json(task_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', t.id,
    'number', t.number,
    'title', t.title,
    'section', t.section,
    'deadlines', to_jsonb(t.deadlines),
    'deadline', (select min(d) from unnest(t.deadlines) d),
    'status', private.task_status(t.id),
    'version', t.version,
    'items', (
      select jsonb_build_object(
        'total', coalesce(sum(c.n), 0),
        'overdue', coalesce(sum(c.overdue), 0),
        'counts', coalesce(jsonb_object_agg(c.status, c.n), '{}'::jsonb)
      )
      from (
        select i.status, count(*) as n,
          count(*) filter (
            where i.deadline is not null and i.deadline < private.china_today() and i.status <> 'closed'
          ) as overdue
        from public.work_items i where i.task_id = t.id group by i.status
      ) c
    ),
    'plan', jsonb_build_object(
      'id', p.id, 'title', p.title, 'doc_number', p.doc_number, 'year', p.year, 'region', p.region
    ),
    'units', jsonb_build_object(
      'lead', private.task_units_json(t.id, 'lead'),
      'cooperating', private.task_units_json(t.id, 'cooperating'),
      'responsible', private.task_units_json(t.id, 'responsible')
    ),
    'feature_count', (select count(*) from public.feature_tasks ft where ft.task_id = t.id)
  )
  from public.tasks t
  join public.plans p on p.id = t.plan_id
  where t.id = task_json.task_id
$$;

alter table public.tasks drop column status;
