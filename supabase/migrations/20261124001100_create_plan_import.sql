-- create_plan_import: plan documents become the ledger. The client parses a plan (src/domain/plan,
-- GOLD_SCHEMA) and, after review, saves it with import_plan: the plan, its tasks and their unit
-- assignments, written by the same SQL on both backends. Printed unit names resolve through the
-- unit registry (aliases, then keys), unknown ones become units; the existing triggers on
-- task_units create the work items (各镇（街道） → one per township). Importing the same 文号 again
-- is refused with plan_exists unless the caller asks to replace, which updates the plan in place:
-- tasks are matched by number, so kept tasks keep their ids, items and feature links.

alter table public.plans add column source_text text;
alter table public.plans add column targets jsonb not null default '[]'::jsonb
  check (jsonb_typeof(targets) = 'array');
comment on column public.plans.source_text is 'The plan''s text as pasted or uploaded for import, so the ledger can be checked against the document.';
comment on column public.plans.targets is 'Quantitative goals of the plan''s 目标 section as the parser gives them: [{metric, label, op, value, unit}].';

-- Refuses an import, naming where the first problem is (e.g. tasks[3].deadlines[0]) and what.
create function private.refuse_plan(path text, problem text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'invalid_plan' using errcode = '22023',
    detail = jsonb_build_object('path', path, 'problem', problem)::text;
end;
$$;

-- An ISO date (yyyy-mm-dd) of the plan JSON; null when absent.
create function private.plan_date(value jsonb, path text) returns date
language plpgsql immutable
set search_path = ''
as $$
begin
  if value is null or jsonb_typeof(value) = 'null' then
    return null;
  end if;
  if jsonb_typeof(value) = 'string' and value #>> '{}' ~ '^\d{4}-\d{2}-\d{2}$' then
    begin
      return (value #>> '{}')::date;
    exception when datetime_field_overflow or invalid_datetime_format then
      -- 2017-02-30: refused below like any other non-date.
    end;
  end if;
  perform private.refuse_plan(path, 'not_a_date');
  return null;
end;
$$;

-- The first problem of a plan entry (GOLD_SCHEMA's plans[i], plus kind and units), if any.
create function private.check_plan(plan jsonb) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  field text;
  task jsonb;
  task_path text;
  assignment jsonb;
  assignment_path text;
  hint record;
  numbers text[] := '{}';
  task_number text;
begin
  if jsonb_typeof(plan) is distinct from 'object' then
    perform private.refuse_plan('', 'not_an_object');
  end if;
  if jsonb_typeof(plan -> 'title') is distinct from 'string' or btrim(plan ->> 'title', private.js_spaces()) = '' then
    perform private.refuse_plan('title', 'required');
  end if;
  foreach field in array array['doc_number', 'issuer', 'region'] loop
    if coalesce(jsonb_typeof(plan -> field), 'null') not in ('null', 'string') then
      perform private.refuse_plan(field, 'not_a_string');
    end if;
  end loop;
  perform private.plan_date(plan -> 'issued_on', 'issued_on');
  if coalesce(jsonb_typeof(plan -> 'year'), 'null') <> 'null' and not (
    jsonb_typeof(plan -> 'year') = 'number' and (plan ->> 'year') ~ '^\d{4}$' and (plan ->> 'year')::int between 1990 and 2100
  ) then
    perform private.refuse_plan('year', 'out_of_range');
  end if;
  if coalesce(jsonb_typeof(plan -> 'period'), 'null') <> 'null' then
    if private.plan_date(plan #> '{period,start}', 'period.start') is null
       or private.plan_date(plan #> '{period,end}', 'period.end') is null then
      perform private.refuse_plan('period', 'required');
    elsif (plan #>> '{period,end}')::date < (plan #>> '{period,start}')::date then
      perform private.refuse_plan('period', 'ends_before_start');
    end if;
  end if;
  if coalesce(jsonb_typeof(plan -> 'targets'), 'array') <> 'array' then
    perform private.refuse_plan('targets', 'not_a_list');
  end if;
  if coalesce(jsonb_typeof(plan -> 'units'), 'object') <> 'object' then
    perform private.refuse_plan('units', 'not_an_object');
  end if;
  for hint in select u.key, u.value from jsonb_each(coalesce(plan -> 'units', '{}'::jsonb)) u loop
    if jsonb_typeof(hint.value) <> 'object'
       or coalesce(hint.value ->> 'kind', 'department') not in ('department', 'township', 'group', 'village', 'enterprise', 'other')
       or coalesce(hint.value ->> 'covers', 'all_townships') not in ('all_townships', 'chosen_townships') then
      perform private.refuse_plan(format('units.%s', hint.key), 'unknown_kind');
    end if;
  end loop;
  if jsonb_typeof(plan -> 'tasks') is distinct from 'array' then
    perform private.refuse_plan('tasks', 'not_a_list');
  end if;
  if jsonb_array_length(plan -> 'tasks') = 0 and plan ->> 'kind' is distinct from 'news' then
    perform private.refuse_plan('tasks', 'required');
  end if;
  for task, task_path in
    select t.value, format('tasks[%s]', t.ordinality - 1) from jsonb_array_elements(plan -> 'tasks') with ordinality t
  loop
    if jsonb_typeof(task) <> 'object' then
      perform private.refuse_plan(task_path, 'not_an_object');
    end if;
    task_number := btrim(coalesce(task ->> 'number', ''), private.js_spaces());
    if jsonb_typeof(task -> 'number') is distinct from 'string' or task_number = '' then
      perform private.refuse_plan(task_path || '.number', 'required');
    elsif task_number = any (numbers) then
      perform private.refuse_plan(task_path || '.number', 'duplicate');
    end if;
    numbers := numbers || task_number;
    if jsonb_typeof(task -> 'title') is distinct from 'string' or btrim(task ->> 'title', private.js_spaces()) = '' then
      perform private.refuse_plan(task_path || '.title', 'required');
    end if;
    if coalesce(jsonb_typeof(task -> 'section'), 'null') not in ('null', 'string') then
      perform private.refuse_plan(task_path || '.section', 'not_a_string');
    end if;
    if coalesce(jsonb_typeof(task -> 'deadlines'), 'array') <> 'array' then
      perform private.refuse_plan(task_path || '.deadlines', 'not_a_list');
    end if;
    perform private.plan_date(d.value, format('%s.deadlines[%s]', task_path, d.ordinality - 1))
    from jsonb_array_elements(coalesce(task -> 'deadlines', '[]'::jsonb)) with ordinality d;
    if coalesce(jsonb_typeof(task -> 'assignments'), 'array') <> 'array' then
      perform private.refuse_plan(task_path || '.assignments', 'not_a_list');
    end if;
    for assignment, assignment_path in
      select a.value, format('%s.assignments[%s]', task_path, a.ordinality - 1)
      from jsonb_array_elements(coalesce(task -> 'assignments', '[]'::jsonb)) with ordinality a
    loop
      if jsonb_typeof(assignment) <> 'object' then
        perform private.refuse_plan(assignment_path, 'not_an_object');
      end if;
      if coalesce(jsonb_typeof(assignment -> 'scope'), 'null') not in ('null', 'string') then
        perform private.refuse_plan(assignment_path || '.scope', 'not_a_string');
      end if;
      foreach field in array array['lead_units', 'cooperating_units', 'responsible_units'] loop
        if coalesce(jsonb_typeof(assignment -> field), 'array') <> 'array' or exists (
          select 1 from jsonb_array_elements(coalesce(assignment -> field, '[]'::jsonb)) n
          where jsonb_typeof(n.value) <> 'string' or btrim(n.value #>> '{}', private.js_spaces()) = ''
        ) then
          perform private.refuse_plan(format('%s.%s', assignment_path, field), 'not_a_list_of_names');
        end if;
      end loop;
    end loop;
  end loop;
end;
$$;

-- A new task's id, by the scheme of the seed (taskId in data/generator/ledger.ts): the plan's slug
-- and the number, lowercased, non-alphanumerics as '-'; a number with other than printable ASCII
-- (（一）) spells its code points in hex, so that different numbers stay different.
create function private.task_id_for(plan_id text, number text) returns text
language sql immutable
set search_path = ''
as $$
  select 'task-' || substr(plan_id, 6) || '-' || case
    when n.plain ~ '^[ -~]+$' then regexp_replace(n.plain, '[^a-z0-9]+', '-', 'g')
    else 'u' || array_to_string(array(
      select to_hex(ascii(c.ch)) from regexp_split_to_table(n.plain, '') with ordinality c(ch, i) order by c.i
    ), '-')
  end
  from (select lower(btrim(number, private.js_spaces())) as plain) n
$$;

revoke execute on function private.refuse_plan(text, text), private.plan_date(jsonb, text),
  private.check_plan(jsonb), private.task_id_for(text, text) from public, anon;
grant execute on function private.refuse_plan(text, text), private.plan_date(jsonb, text),
  private.check_plan(jsonb), private.task_id_for(text, text) to authenticated, service_role;

-- import_plan: planners save a reviewed plan (one entry of GOLD_SCHEMA's plans, plus an optional
-- `kind` ('news' may have no tasks) and `units`: {name as printed: {kind, covers}} from
-- classifyUnit/expandGroup, used only for units the registry does not know). Returns {plan_id,
-- created, tasks, assignments, units_created, tasks_added, tasks_removed}. The same 文号 (or, without
-- one, the same title in the district) is refused with plan_exists unless replace_existing: then
-- the plan is updated in place, tasks by number (a vanished number's task goes with its links and
-- items), and items nobody has touched that no assignment explains any more are withdrawn.
create function public.import_plan(
  plan jsonb,
  district_code text,
  township_code text default null,
  source_text text default null,
  replace_existing boolean default false,
  client_id uuid default null
) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  plan_title text;
  plan_doc text;
  existing public.plans;
  saved_plan_id text;
  unit_ids jsonb := '{}'::jsonb;
  printed text;
  hint jsonb;
  found_unit text;
  units_created int := 0;
  inserted int;
  old_deadlines jsonb := '{}'::jsonb;
  task jsonb;
  task_ord int;
  task_number text;
  saved_task_id text;
  old_unit_ids text[];
  suffix int;
  tasks_added int := 0;
  tasks_removed int := 0;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  perform private.require_planner();
  if not exists (select 1 from public.districts d where d.code = import_plan.district_code) then
    perform private.refuse_plan('district_code', 'unknown');
  end if;
  if import_plan.township_code is not null and not exists (
    select 1 from public.townships tw
    where tw.code = import_plan.township_code and tw.district_code = import_plan.district_code
  ) then
    perform private.refuse_plan('township_code', 'unknown');
  end if;
  perform private.check_plan(plan);
  plan_title := btrim(plan ->> 'title', private.js_spaces());
  plan_doc := nullif(btrim(coalesce(plan ->> 'doc_number', ''), private.js_spaces()), '');

  select * into existing from public.plans p
  where case when plan_doc is not null then p.doc_number = plan_doc
    else p.title = plan_title and p.district_code = import_plan.district_code end
  order by p.id limit 1;
  if existing.id is not null and not replace_existing then
    raise exception 'plan_exists' using errcode = 'P0001', detail = jsonb_build_object(
      'plan_id', existing.id, 'title', existing.title, 'doc_number', existing.doc_number,
      'task_count', (select count(*) from public.tasks t where t.plan_id = existing.id))::text;
  end if;

  for printed in
    select distinct n.name
    from jsonb_array_elements(plan -> 'tasks') t
    cross join jsonb_array_elements(coalesce(t.value -> 'assignments', '[]'::jsonb)) a
    cross join jsonb_array_elements_text(
      coalesce(a.value -> 'lead_units', '[]'::jsonb) || coalesce(a.value -> 'cooperating_units', '[]'::jsonb)
      || coalesce(a.value -> 'responsible_units', '[]'::jsonb)) n(name)
  loop
    found_unit := private.find_unit(import_plan.district_code, printed);
    if found_unit is null then
      hint := coalesce(plan -> 'units' -> printed, '{}'::jsonb);
      -- The id follows from the key, so two imports creating the same unit agree on it.
      found_unit := format('unit-%s-%s', import_plan.district_code, left(md5(private.unit_key(printed)), 10));
      insert into public.units (id, name, kind, covers, district_code, township_code)
      values (
        found_unit, printed, coalesce(hint ->> 'kind', 'department'), hint ->> 'covers', import_plan.district_code,
        -- A township printed as 古荥镇人民政府 or 新城街道办事处 is the township of that name.
        case when hint ->> 'kind' = 'township' then (
          select tw.code from public.townships tw
          where tw.district_code = import_plan.district_code
            and private.unit_key(tw.name) = regexp_replace(private.unit_key(printed), '(人民政府|政府|办事处)$', '')
          order by tw.code limit 1
        ) end
      )
      -- A concurrent import created it first: the same unit, by the same id.
      on conflict do nothing;
      get diagnostics inserted = row_count;
      units_created := units_created + inserted;
    end if;
    unit_ids := unit_ids || jsonb_build_object(printed, found_unit);
  end loop;

  if existing.id is null then
    saved_plan_id := 'plan-' || concat_ws('-', import_plan.district_code, plan ->> 'year',
      left(md5(coalesce('doc:' || plan_doc, 'title:' || import_plan.district_code || ':' || plan_title)), 10));
    insert into public.plans (id, title, doc_number, issuer, issued_on, region, district_code, township_code,
      year, period_start, period_end, source_text, targets)
    values (
      saved_plan_id, plan_title, plan_doc, plan ->> 'issuer', (plan ->> 'issued_on')::date, plan ->> 'region',
      import_plan.district_code, import_plan.township_code, (plan ->> 'year')::int,
      (plan #>> '{period,start}')::date, (plan #>> '{period,end}')::date, import_plan.source_text,
      coalesce(plan -> 'targets', '[]'::jsonb)
    );
  else
    saved_plan_id := existing.id;
    -- Items that follow their task's deadline keep following it (see the task loop).
    select coalesce(jsonb_object_agg(t.id, private.task_deadline(t.id)), '{}'::jsonb) into old_deadlines
    from public.tasks t where t.plan_id = saved_plan_id;
    update public.plans p set
      title = plan_title,
      doc_number = coalesce(plan_doc, p.doc_number),
      issuer = plan ->> 'issuer',
      issued_on = (plan ->> 'issued_on')::date,
      region = plan ->> 'region',
      district_code = import_plan.district_code,
      township_code = import_plan.township_code,
      year = (plan ->> 'year')::int,
      period_start = (plan #>> '{period,start}')::date,
      period_end = (plan #>> '{period,end}')::date,
      source_text = coalesce(import_plan.source_text, p.source_text),
      targets = coalesce(plan -> 'targets', '[]'::jsonb)
    where p.id = saved_plan_id;
    delete from public.tasks t
    where t.plan_id = saved_plan_id and t.number <> all (array(
      select btrim(x.value ->> 'number', private.js_spaces()) from jsonb_array_elements(plan -> 'tasks') x));
    get diagnostics tasks_removed = row_count;
  end if;

  for task, task_ord in
    select x.value, x.ordinality - 1 from jsonb_array_elements(plan -> 'tasks') with ordinality x
  loop
    task_number := btrim(task ->> 'number', private.js_spaces());
    saved_task_id := null;
    select t.id into saved_task_id from public.tasks t where t.plan_id = saved_plan_id and t.number = task_number;
    if saved_task_id is null then
      saved_task_id := private.task_id_for(saved_plan_id, task_number);
      suffix := 1;
      -- Taken by a task whose number has changed since, or by a number with the same slug (1.1, 1-1).
      while exists (select 1 from public.tasks t where t.id = saved_task_id) loop
        suffix := suffix + 1;
        saved_task_id := private.task_id_for(saved_plan_id, task_number) || '-' || suffix;
      end loop;
      insert into public.tasks (id, plan_id, number, title, section, deadlines, sort_order)
      values (
        saved_task_id, saved_plan_id, task_number, btrim(task ->> 'title', private.js_spaces()), task ->> 'section',
        array(select distinct d::date from jsonb_array_elements_text(coalesce(task -> 'deadlines', '[]'::jsonb)) d order by 1),
        task_ord
      );
      tasks_added := tasks_added + 1;
      old_unit_ids := null;
    else
      old_unit_ids := array(
        select tu.unit_id from public.task_units tu where tu.task_id = saved_task_id and tu.role <> 'cooperating');
      update public.tasks t set
        title = btrim(task ->> 'title', private.js_spaces()),
        section = task ->> 'section',
        deadlines = array(select distinct d::date from jsonb_array_elements_text(coalesce(task -> 'deadlines', '[]'::jsonb)) d order by 1),
        sort_order = task_ord
      where t.id = saved_task_id;
    end if;

    -- The task's assignments as printed; a unit printed twice in one role and scope counts once
    -- (the first printing). Unchanged rows stay untouched, so history shows only real changes.
    with wanted as (
      select distinct on (r.role, r.scope, r.unit_id) r.role, r.scope, r.unit_id, r.name, r.sort_order
      from (
        select roles.role, coalesce(a.value ->> 'scope', '') as scope, unit_ids ->> n.name as unit_id, n.name,
          (n.ordinality - 1)::int as sort_order, a.ordinality as block
        from jsonb_array_elements(coalesce(task -> 'assignments', '[]'::jsonb)) with ordinality a
        cross join (values
          ('lead', 'lead_units'), ('cooperating', 'cooperating_units'), ('responsible', 'responsible_units')
        ) roles(role, field)
        cross join jsonb_array_elements_text(coalesce(a.value -> roles.field, '[]'::jsonb)) with ordinality n(name, ordinality)
      ) r
      order by r.role, r.scope, r.unit_id, r.block, r.sort_order
    ),
    dropped as (
      delete from public.task_units tu
      where tu.task_id = saved_task_id
        and not exists (select 1 from wanted w where w.role = tu.role and w.scope = tu.scope and w.unit_id = tu.unit_id)
    )
    insert into public.task_units as tu (task_id, unit_id, role, scope, name_as_printed, sort_order)
    select saved_task_id, w.unit_id, w.role, w.scope, w.name, w.sort_order from wanted w
    on conflict on constraint task_units_pkey do update
      set name_as_printed = excluded.name_as_printed, sort_order = excluded.sort_order
      where (tu.name_as_printed, tu.sort_order) is distinct from (excluded.name_as_printed, excluded.sort_order);

    if old_unit_ids is not null then
      delete from public.work_items i
      where i.task_id = saved_task_id and i.feature_id is null and i.unit_id = any (old_unit_ids)
        and i.status = 'not_started' and i.version = 1
        and not exists (
          select 1 from public.task_units tu
          where tu.task_id = saved_task_id and tu.unit_id = i.unit_id and tu.role <> 'cooperating');
      update public.work_items i set deadline = private.task_deadline(saved_task_id)
      where i.task_id = saved_task_id
        and i.deadline is not distinct from (old_deadlines ->> saved_task_id)::date
        and i.deadline is distinct from private.task_deadline(saved_task_id);
    end if;
  end loop;

  return private.remember(client_id, 'import_plan', jsonb_build_object(
    'plan_id', saved_plan_id,
    'created', existing.id is null,
    'tasks', (select count(*) from public.tasks t where t.plan_id = saved_plan_id),
    'assignments', (select count(*) from public.task_units tu join public.tasks t on t.id = tu.task_id
                    where t.plan_id = saved_plan_id),
    'units_created', units_created,
    'tasks_added', tasks_added,
    'tasks_removed', tasks_removed
  ));
end;
$$;

-- plans_list: every plan the caller may read, newest first, with its district (and township, for
-- a township's own plan), targets and how many of its tasks the caller sees; for the ledger's plan
-- filter and the import's "update which plan" choice.
create function public.plans_list() returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', p.id, 'title', p.title, 'doc_number', p.doc_number, 'issuer', p.issuer, 'issued_on', p.issued_on,
    'region', p.region, 'year', p.year, 'period_start', p.period_start, 'period_end', p.period_end,
    'district', (select jsonb_build_object('code', d.code, 'name', d.name) from public.districts d where d.code = p.district_code),
    'township', (select jsonb_build_object('code', tw.code, 'name', tw.name) from public.townships tw where tw.code = p.township_code),
    'targets', p.targets,
    'version', p.version,
    'task_count', (select count(*) from public.tasks t where t.plan_id = p.id)
  ) order by p.issued_on desc nulls last, p.title, p.id), '[]'::jsonb)
  from public.plans p
$$;

revoke execute on function
  public.import_plan(jsonb, text, text, text, boolean, uuid),
  public.plans_list()
from anon, public;
grant execute on function
  public.import_plan(jsonb, text, text, text, boolean, uuid),
  public.plans_list()
to authenticated, service_role;
