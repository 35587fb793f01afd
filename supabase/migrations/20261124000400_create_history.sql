-- create_history: every change to features, plans, tasks, units, assignments, links, work items
-- and memberships is appended to public.history (who, when, the operation, the whole row before
-- and after), so replaying a row's history reproduces it (a row the seed made and nobody changed
-- has no history: the seed is its record). No client role can write, change or
-- delete history: only the trigger below (security definer) appends. Rows that concurrent users
-- edit carry a version; the write API refuses an update based on an older version.

alter table public.features add column version int not null default 1 check (version >= 1);
alter table public.plans add column version int not null default 1 check (version >= 1);
alter table public.tasks add column version int not null default 1 check (version >= 1);

-- Each real change moves the version on (and updated_at, where the table has it).
create function private.bump_version() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new := jsonb_populate_record(new, jsonb_build_object('version', old.version + 1, 'updated_at', now()));
  return new;
end;
$$;
create trigger features_bump_version before update on public.features
  for each row when (old.* is distinct from new.*) execute function private.bump_version();
create trigger plans_bump_version before update on public.plans
  for each row when (old.* is distinct from new.*) execute function private.bump_version();
create trigger tasks_bump_version before update on public.tasks
  for each row when (old.* is distinct from new.*) execute function private.bump_version();
create trigger work_items_bump_version before update on public.work_items
  for each row when (old.* is distinct from new.*) execute function private.bump_version();

create table public.history (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid,
  table_name text not null,
  op text not null check (op in ('insert', 'update', 'delete')),
  row_key text not null,
  task_id text,
  feature_id text,
  item_id uuid,
  old_row jsonb,
  new_row jsonb,
  check ((op = 'insert') = (old_row is null) and (op = 'delete') = (new_row is null))
);
comment on table public.history is 'Append-only record of every change to the ledger: actor (null for the database itself, e.g. the seed), time, operation, old and new row.';
create index history_row_idx on public.history (table_name, row_key, id);
create index history_task_id_idx on public.history (task_id, id);
create index history_feature_id_idx on public.history (feature_id, id);
create index history_item_id_idx on public.history (item_id, id);
create index history_actor_idx on public.history (actor);

-- Appends one history row. Trigger arguments name the row's key columns. security definer: no
-- client role may insert into history, so the record cannot be forged or skipped.
create function private.record_history() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  row_key text;
begin
  -- The seed's sample data is the baseline, not a change (recording it doubled the database): a
  -- seeding session says so. Only a session that is not acting as an API role can.
  if current_setting('tuzhang.seeding', true) = 'on'
     and coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'service_role') then
    return null;
  end if;
  select string_agg(row_data ->> k, '|' order by ord) into row_key
  from unnest(tg_argv) with ordinality as a(k, ord);
  insert into public.history (actor, table_name, op, row_key, task_id, feature_id, item_id, old_row, new_row)
  values (
    (select auth.uid()),
    tg_table_name,
    lower(tg_op),
    row_key,
    case when tg_table_name = 'tasks' then row_data ->> 'id' else row_data ->> 'task_id' end,
    case when tg_table_name = 'features' then row_data ->> 'id' else row_data ->> 'feature_id' end,
    case when tg_table_name = 'work_items' then (row_data ->> 'id')::uuid end,
    old_row,
    new_row
  );
  return null;
end;
$$;
revoke execute on function private.record_history() from public, anon;

create trigger features_history after insert or delete or update on public.features
  for each row execute function private.record_history('id');
create trigger plans_history after insert or delete or update on public.plans
  for each row execute function private.record_history('id');
create trigger tasks_history after insert or delete or update on public.tasks
  for each row execute function private.record_history('id');
create trigger units_history after insert or delete or update on public.units
  for each row execute function private.record_history('id');
create trigger task_units_history after insert or delete or update on public.task_units
  for each row execute function private.record_history('task_id', 'role', 'scope', 'unit_id');
create trigger feature_tasks_history after insert or delete or update on public.feature_tasks
  for each row execute function private.record_history('feature_id', 'task_id');
create trigger work_items_history after insert or delete or update on public.work_items
  for each row execute function private.record_history('id');
create trigger memberships_history after insert or delete or update on public.memberships
  for each row execute function private.record_history('user_id');

alter table public.history enable row level security;
-- Planners and command read all history; everyone else the history of what they can read now
-- (every subject the entry names must be in reach).
create policy "members read the history of what they can read" on public.history
  for select to authenticated
  using (
    (select private.my_role()) in ('planner', 'command')
    or (
      coalesce(task_id, feature_id, item_id::text) is not null
      and (task_id is null or task_id in (select t.id from public.tasks t))
      and (feature_id is null or feature_id in (select f.id from public.features f))
      and (item_id is null or item_id in (select i.id from public.work_items i))
    )
  );
revoke all on public.history from anon;
revoke insert, update, delete, truncate on public.history from authenticated;
grant select on public.history to authenticated;
