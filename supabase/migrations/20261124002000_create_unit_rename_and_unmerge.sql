-- create_unit_rename_and_unmerge: planners rename a unit, and take back a merge.
-- rename_unit changes a unit's own name. The old name stays an alias, so plans printed before the
-- rename still resolve to the unit when imported again; assignments keep their names as printed.
-- A blank or too long name is refused with invalid_unit_name, a name that another unit of the
-- district goes by (its name or an alias, under private.unit_key) with already_exists: the rules
-- of validateUnitName (src/domain/ledger/unit-name.ts). Units now carry a version, and a rename
-- based on an older one is refused with stale_version.
-- merge_units now records what it did in public.unit_merges: the merged unit's row, each of its
-- assignments (moved, or folded into the kept unit's same assignment), the items it moved, the
-- items it let go where two became one, the items it created for the kept unit, the features it
-- moved and the aliases it changed. unmerge_unit plays that record backwards, so the split gives
-- the former unit back exactly what came from it. Where that is impossible it refuses and says
-- why (cannot_unmerge): the merge let go of an item with a record of progress (its events and
-- evidence went with it), a later merge into the kept unit is still in place, or the former name is
-- some unit's name now. What the merge moved and later edits have moved on (an item reassigned,
-- an assignment a re-import dropped) stays where those edits put it, and the answer counts it.

alter table public.units add column version int not null default 1 check (version >= 1);
create trigger units_bump_version before update on public.units
  for each row when (old.* is distinct from new.*) execute function private.bump_version();

create table public.unit_merges (
  id bigint generated always as identity primary key,
  district_code text not null references public.districts (code),
  -- No foreign keys to units: the merged unit is gone while the merge stands, and the kept one
  -- may itself be merged away and come back under its id.
  unit_id text not null,
  unit_row jsonb not null check (jsonb_typeof(unit_row) = 'object'),
  into_unit_id text not null,
  assignments jsonb not null default '[]'::jsonb check (jsonb_typeof(assignments) = 'array'),
  moved_items uuid[] not null default '{}',
  dropped_items jsonb not null default '[]'::jsonb check (jsonb_typeof(dropped_items) = 'array'),
  created_items uuid[] not null default '{}',
  features text[] not null default '{}',
  aliases jsonb not null default '[]'::jsonb check (jsonb_typeof(aliases) = 'array'),
  lost_progress int not null default 0 check (lost_progress >= 0),
  merged_at timestamptz not null default now(),
  merged_by uuid default auth.uid(),
  undone_at timestamptz,
  undone_by uuid
);
comment on table public.unit_merges is 'What each merge of two units did (merge_units), so that unmerge_unit can split the merged unit out again exactly: its row, its assignments, the items and features it moved, the items it let go or created, the aliases it changed.';
comment on column public.unit_merges.assignments is 'The merged unit''s assignments: {task_id, role, scope, name_as_printed, sort_order, moved}; moved is false where the kept unit held the same assignment and the two became one.';
comment on column public.unit_merges.dropped_items is 'Items deleted where each unit held one of the same task, township and feature (whole rows, to bring back).';
comment on column public.unit_merges.created_items is 'Items the assignment trigger made for the kept unit when the merged unit''s assignments moved onto it.';
comment on column public.unit_merges.aliases is 'The aliases the merge changed, as they were: {alias_name, unit_id}.';
comment on column public.unit_merges.lost_progress is 'Dropped items that had events (progress, evidence): gone with them, so the merge cannot be undone.';
create index unit_merges_district_code_idx on public.unit_merges (district_code);
create index unit_merges_into_unit_id_idx on public.unit_merges (into_unit_id) where undone_at is null;
alter table public.unit_merges enable row level security;

create trigger unit_merges_history after insert or delete or update on public.unit_merges
  for each row execute function private.record_history('id');

create policy "members read unit merges" on public.unit_merges
  for select to authenticated using ((select private.my_role()) is not null);
create policy "planners record unit merges" on public.unit_merges
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners mark unit merges undone" on public.unit_merges
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');

revoke all on public.unit_merges from anon;
revoke update, delete, truncate on public.unit_merges from authenticated;
grant select, insert on public.unit_merges to authenticated;
grant update (undone_at, undone_by) on public.unit_merges to authenticated;

-- Renames, merges and their undoing in one district wait for each other, so that two of them
-- cannot both find a name free, or both undo what the other relies on.
create function private.lock_unit_names(district_code text) returns void
language sql
set search_path = ''
as $$
  select pg_advisory_xact_lock(hashtextextended('unit names ' || coalesce(district_code, ''), 0))
$$;

-- Why `name` may not name the unit `unit_id` of a district, or null when it may: required (blank),
-- too_long (over 50 characters), already_exists (another unit's name or alias, under its key).
-- The twin of validateUnitName (src/domain/ledger/unit-name.ts); a test compares the two.
create function private.unit_name_problem(district_code text, unit_id text, name text) returns text
language sql stable
set search_path = ''
as $$
  select case
    when n.clean = '' then 'required'
    when char_length(n.clean) > 50 then 'too_long'
    when exists (
      select 1 from public.units u
      where u.district_code is not distinct from unit_name_problem.district_code
        and u.id is distinct from unit_name_problem.unit_id
        and private.unit_key(u.name) = private.unit_key(n.clean)
    ) or exists (
      select 1 from public.unit_aliases a
      where a.district_code = unit_name_problem.district_code
        and a.unit_id is distinct from unit_name_problem.unit_id
        and a.alias_key = private.unit_key(n.clean)
    ) then 'already_exists'
  end
  from (select btrim(coalesce(unit_name_problem.name, ''), private.js_spaces()) as clean) n
$$;

-- Why a merge cannot be undone now, or null when it can:
--   progress_lost  where each unit held an item of the same task, township and feature, the one
--                  the merge let go had events (progress, evidence), and they went with it;
--   later_merge    the kept unit has since been merged into another, or a later merge into it is
--                  still in place (it may have joined rows with what this one moved): undo it first;
--   name_taken     a unit of the district now goes by the merged unit's id, name or one of its
--                  former aliases (e.g. the kept unit was renamed to it).
create function private.unmerge_problem(m public.unit_merges) returns text
language sql stable
set search_path = ''
as $$
  select case
    when m.lost_progress > 0 then 'progress_lost'
    when not exists (select 1 from public.units u where u.id = m.into_unit_id)
      or exists (
        select 1 from public.unit_merges later
        where later.into_unit_id = m.into_unit_id and later.undone_at is null and later.id > m.id
      ) then 'later_merge'
    when exists (
      select 1 from public.units u
      where u.id = m.unit_id
        or (u.district_code = m.district_code and private.unit_key(u.name) in (
          select private.unit_key(m.unit_row ->> 'name')
          union all
          select private.unit_key(a ->> 'alias_name') from jsonb_array_elements(m.aliases) a
          where a ->> 'unit_id' = m.unit_id
        ))
    ) then 'name_taken'
  end
$$;

-- A unit as units_list shows it (create_unit_registry), now with its version and the merges into
-- it that still stand, newest first, each with why it cannot be undone (null when it can).
create or replace function private.unit_json(unit_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', u.id, 'name', u.name, 'kind', u.kind, 'covers', u.covers,
    'district_code', u.district_code, 'township_code', u.township_code, 'version', u.version,
    'aliases', coalesce((
      select jsonb_agg(a.alias_name order by a.alias_name) from public.unit_aliases a where a.unit_id = u.id
    ), '[]'::jsonb),
    'merges', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', m.id, 'name', m.unit_row ->> 'name', 'merged_at', m.merged_at, 'blocked', private.unmerge_problem(m)
      ) order by m.id desc)
      from public.unit_merges m where m.into_unit_id = u.id and m.undone_at is null
    ), '[]'::jsonb),
    'usage', jsonb_build_object(
      'lead', (select count(*) from public.task_units tu where tu.unit_id = u.id and tu.role = 'lead'),
      'cooperating', (select count(*) from public.task_units tu where tu.unit_id = u.id and tu.role = 'cooperating'),
      'responsible', (select count(*) from public.task_units tu where tu.unit_id = u.id and tu.role = 'responsible'),
      'items', (select count(*) from public.work_items i where i.unit_id = u.id),
      'features', (select count(*) from public.features f where f.unit_id = u.id)
    )
  )
  from public.units u where u.id = unit_json.unit_id
$$;

revoke execute on function private.lock_unit_names(text), private.unit_name_problem(text, text, text),
  private.unmerge_problem(public.unit_merges) from public, anon;
grant execute on function private.lock_unit_names(text), private.unit_name_problem(text, text, text),
  private.unmerge_problem(public.unit_merges) to authenticated, service_role;

-- rename_unit: planners give a unit a new name (trimmed). The old name becomes an alias of the
-- unit (when its key differs); a former name taken back stops being an alias. Renaming to the
-- same name changes nothing. Returns the unit as units_list shows it. Refusals: invalid_unit_name
-- (DETAIL: required or too_long), already_exists (DETAIL: {name, unit: {id, name}}, the unit that
-- goes by it), stale_version (DETAIL: the unit as it stands), not_found.
create function public.rename_unit(
  unit_id text,
  new_name text,
  base_version int default null,
  client_id uuid default null
) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  wanted constant text := btrim(coalesce(new_name, ''), private.js_spaces());
  unit public.units;
  problem text;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  perform private.require_planner();
  perform private.lock_unit_names((select u.district_code from public.units u where u.id = rename_unit.unit_id));
  select * into unit from public.units u where u.id = rename_unit.unit_id for update;
  if unit.id is null or unit.version <> coalesce(base_version, unit.version) then
    perform private.refuse_edit(private.unit_json(rename_unit.unit_id), base_version);
  end if;
  problem := private.unit_name_problem(unit.district_code, unit.id, wanted);
  if problem = 'already_exists' then
    raise exception 'already_exists' using errcode = '23505', detail = jsonb_build_object(
      'name', wanted,
      'unit', (
        select jsonb_build_object('id', u.id, 'name', u.name) from public.units u
        where u.district_code is not distinct from unit.district_code and u.id <> unit.id
          and (private.unit_key(u.name) = private.unit_key(wanted) or exists (
            select 1 from public.unit_aliases a where a.unit_id = u.id and a.alias_key = private.unit_key(wanted)))
        order by u.id limit 1
      )
    )::text;
  elsif problem is not null then
    raise exception 'invalid_unit_name' using errcode = '22023', detail = problem;
  end if;

  if wanted <> unit.name then
    update public.units u set name = wanted where u.id = unit.id;
    if unit.district_code is not null and private.unit_key(unit.name) <> private.unit_key(wanted) then
      insert into public.unit_aliases (district_code, alias_name, unit_id)
      values (unit.district_code, unit.name, unit.id)
      on conflict (district_code, alias_key) do nothing;
      delete from public.unit_aliases a
      where a.district_code = unit.district_code and a.unit_id = unit.id
        and a.alias_key = private.unit_key(wanted);
    end if;
  end if;
  return private.remember(client_id, 'rename_unit', private.unit_json(unit.id));
end;
$$;

-- merge_units as before (create_unit_registry): assignments, items and features move from
-- `from_unit_id` to `into_unit_id` (each assignment keeps its printed name); where the kept unit
-- already holds the same assignment or item, the two become one (of two items, the one further
-- along stays; on a tie, the kept unit's). The old unit is deleted and its name recorded as an
-- alias of the kept one. Now everything it does is recorded in unit_merges first-hand, for
-- unmerge_unit. Returns the kept unit, what moved and the merge's id.
create or replace function public.merge_units(from_unit_id text, into_unit_id text) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  old public.units;
  kept public.units;
  held_assignments jsonb;
  changed_aliases jsonb;
  loser_ids uuid[];
  dropped jsonb;
  lost int;
  moved_item_ids uuid[];
  kept_item_ids uuid[];
  created_item_ids uuid[];
  moved_feature_ids text[];
  moved_assignments int;
  merge_id bigint;
begin
  perform private.require_planner();
  perform private.lock_unit_names((select u.district_code from public.units u where u.id = merge_units.from_unit_id));
  select * into old from public.units u where u.id = merge_units.from_unit_id for update;
  select * into kept from public.units u where u.id = merge_units.into_unit_id for update;
  if old.id is null or kept.id is null then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  if old.id = kept.id or old.district_code is null or old.district_code is distinct from kept.district_code then
    raise exception 'invalid_merge' using errcode = '22023', detail = 'two different units of one district';
  end if;

  -- What the old unit holds before anything moves.
  select coalesce(jsonb_agg(jsonb_build_object(
      'task_id', tu.task_id, 'role', tu.role, 'scope', tu.scope,
      'name_as_printed', tu.name_as_printed, 'sort_order', tu.sort_order,
      'moved', not exists (
        select 1 from public.task_units k
        where k.task_id = tu.task_id and k.role = tu.role and k.scope = tu.scope and k.unit_id = kept.id)
    ) order by tu.task_id, tu.role, tu.scope), '[]'::jsonb)
  into held_assignments
  from public.task_units tu where tu.unit_id = old.id;
  select coalesce(jsonb_agg(jsonb_build_object('alias_name', a.alias_name, 'unit_id', a.unit_id)
    order by a.alias_key), '[]'::jsonb)
  into changed_aliases
  from public.unit_aliases a
  where a.district_code = old.district_code and (a.unit_id = old.id or a.alias_key = private.unit_key(old.name));

  select coalesce(array_agg(case
      when array_position(array['not_started', 'in_progress', 'done', 'closed'], a.status)
         > array_position(array['not_started', 'in_progress', 'done', 'closed'], b.status)
      then b.id else a.id end), '{}')
  into loser_ids
  from public.work_items a
  join public.work_items b on b.unit_id = kept.id and a.task_id = b.task_id
    and a.township_code is not distinct from b.township_code
    and a.feature_id is not distinct from b.feature_id
  where a.unit_id = old.id;
  select coalesce(jsonb_agg(to_jsonb(i) order by i.id), '[]'::jsonb),
    count(*) filter (where exists (select 1 from public.work_item_events e where e.item_id = i.id))
  into dropped, lost
  from public.work_items i where i.id = any (loser_ids);
  delete from public.work_items i where i.id = any (loser_ids);
  with moved as (
    update public.work_items i set unit_id = kept.id where i.unit_id = old.id returning i.id
  )
  select coalesce(array_agg(moved.id), '{}') into moved_item_ids from moved;

  -- Deleted and inserted rather than updated: the key changes, and history replays by key.
  select coalesce(array_agg(i.id), '{}') into kept_item_ids from public.work_items i where i.unit_id = kept.id;
  insert into public.task_units (task_id, unit_id, role, scope, name_as_printed, sort_order)
  select tu.task_id, kept.id, tu.role, tu.scope, tu.name_as_printed, tu.sort_order
  from public.task_units tu where tu.unit_id = old.id
  on conflict do nothing;
  delete from public.task_units tu where tu.unit_id = old.id;
  get diagnostics moved_assignments = row_count;
  select coalesce(array_agg(i.id), '{}') into created_item_ids
  from public.work_items i where i.unit_id = kept.id and i.id <> all (kept_item_ids);

  with moved as (
    update public.features f set unit_id = kept.id where f.unit_id = old.id returning f.id
  )
  select coalesce(array_agg(moved.id), '{}') into moved_feature_ids from moved;

  update public.unit_aliases a set unit_id = kept.id where a.unit_id = old.id;
  insert into public.unit_aliases (district_code, alias_name, unit_id)
  select old.district_code, old.name, kept.id
  where private.unit_key(old.name) <> private.unit_key(kept.name)
  on conflict (district_code, alias_key) do update set unit_id = excluded.unit_id, alias_name = excluded.alias_name;
  delete from public.units u where u.id = old.id;

  insert into public.unit_merges (district_code, unit_id, unit_row, into_unit_id, assignments, moved_items,
    dropped_items, created_items, features, aliases, lost_progress)
  values (old.district_code, old.id, to_jsonb(old), kept.id, held_assignments, moved_item_ids,
    dropped, created_item_ids, moved_feature_ids, changed_aliases, lost)
  returning id into merge_id;

  return jsonb_build_object(
    'unit', private.unit_json(kept.id),
    'merged', jsonb_build_object('id', old.id, 'name', old.name),
    'moved', jsonb_build_object(
      'assignments', moved_assignments, 'items', cardinality(moved_item_ids), 'features', cardinality(moved_feature_ids)),
    'merge_id', merge_id
  );
end;
$$;

-- unmerge_unit: planners take back a merge (its id from units_list's `merges`). The merged unit
-- comes back as it was, under its id and name, with its aliases; the kept unit's alias of its
-- name goes. Its assignments go back with their printed names (as they now read), or come back
-- where they had become one with the kept unit's; its items go back, and items the merge let go
-- come back; items the merge made for the kept unit go while nobody has acted on them; its
-- features go back. Returns {unit (the kept one), restored, returned: {assignments, items,
-- features}, left: {assignments, items, features}}: `left` counts what the merge moved that later
-- edits have moved on or removed, which stays as those edits left it. Refusals: not_found (no
-- such merge standing), cannot_unmerge (DETAIL: {reason (as private.unmerge_problem), name, into}).
create function public.unmerge_unit(merge_id bigint, client_id uuid default null) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  m public.unit_merges;
  problem text;
  restored public.units;
  held_item_ids uuid[];
  former_item_ids uuid[];
  returned_assignments int;
  returned_features int;
  items_back int;
  items_left int;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  perform private.require_planner();
  perform private.lock_unit_names((select x.district_code from public.unit_merges x where x.id = unmerge_unit.merge_id));
  select * into m from public.unit_merges x
  where x.id = unmerge_unit.merge_id and x.undone_at is null
  for update;
  if m.id is null then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  problem := private.unmerge_problem(m);
  if problem is not null then
    raise exception 'cannot_unmerge' using errcode = '55000', detail = jsonb_build_object(
      'reason', problem, 'name', m.unit_row ->> 'name',
      'into', (select u.name from public.units u where u.id = m.into_unit_id))::text;
  end if;

  -- Explicit columns: a column added to units later takes its default.
  insert into public.units (id, name, kind, covers, district_code, township_code, version)
  select r.id, r.name, r.kind, r.covers, r.district_code, r.township_code, r.version
  from jsonb_populate_record(null::public.units, m.unit_row) r
  returning * into restored;

  delete from public.unit_aliases a
  where a.district_code = m.district_code and a.alias_key = private.unit_key(restored.name);
  insert into public.unit_aliases (district_code, alias_name, unit_id)
  select m.district_code, a ->> 'alias_name', a ->> 'unit_id'
  from jsonb_array_elements(m.aliases) a
  where exists (select 1 from public.units u where u.id = a ->> 'unit_id')
  on conflict (district_code, alias_key) do update set alias_name = excluded.alias_name, unit_id = excluded.unit_id;

  update public.work_items i set unit_id = restored.id
  where i.id = any (m.moved_items) and i.unit_id = m.into_unit_id;
  insert into public.work_items (id, task_id, district_code, township_code, unit_id, feature_id, status, deadline,
    version, last_note, last_actor, last_event_at, created_at)
  select r.id, r.task_id, r.district_code, r.township_code, r.unit_id, r.feature_id, r.status, r.deadline,
    r.version, r.last_note, r.last_actor, r.last_event_at, r.created_at
  from jsonb_populate_recordset(null::public.work_items, m.dropped_items) r
  where exists (select 1 from public.tasks t where t.id = r.task_id)
    and (r.feature_id is null or exists (select 1 from public.features f where f.id = r.feature_id))
  on conflict do nothing;
  delete from public.work_items i
  where i.id = any (m.created_items) and i.unit_id = m.into_unit_id and i.status = 'not_started' and i.version = 1;

  -- The assignment trigger makes items for the assignments that come back; the unit gets only
  -- the ones it had before the merge.
  select coalesce(array_agg(i.id), '{}') into held_item_ids from public.work_items i where i.unit_id = restored.id;
  with back as (
    delete from public.task_units tu
    using jsonb_to_recordset(m.assignments) a(task_id text, role text, scope text, moved boolean)
    where a.moved and tu.task_id = a.task_id and tu.role = a.role and tu.scope = a.scope
      and tu.unit_id = m.into_unit_id
    returning tu.task_id, tu.role, tu.scope, tu.name_as_printed, tu.sort_order
  ),
  unfolded as (
    select a.task_id, a.role, a.scope, a.name_as_printed, a.sort_order
    from jsonb_to_recordset(m.assignments)
      a(task_id text, role text, scope text, name_as_printed text, sort_order int, moved boolean)
    where not a.moved and exists (select 1 from public.tasks t where t.id = a.task_id)
  )
  insert into public.task_units (task_id, unit_id, role, scope, name_as_printed, sort_order)
  select x.task_id, restored.id, x.role, x.scope, x.name_as_printed, x.sort_order
  from (select * from back union all select * from unfolded) x
  on conflict do nothing;
  get diagnostics returned_assignments = row_count;
  delete from public.work_items i where i.unit_id = restored.id and i.id <> all (held_item_ids);

  update public.features f set unit_id = restored.id
  where f.id = any (m.features) and f.unit_id = m.into_unit_id;
  get diagnostics returned_features = row_count;

  update public.unit_merges x set undone_at = now(), undone_by = (select auth.uid()) where x.id = m.id;

  -- The former unit's items before the merge: the ones it moved and the ones of its it let go.
  former_item_ids := m.moved_items || array(
    select r.id from jsonb_populate_recordset(null::public.work_items, m.dropped_items) r
    where r.unit_id = m.unit_id);
  select count(*) into items_back from public.work_items i where i.unit_id = restored.id;
  select (cardinality(former_item_ids) - items_back)
    + (select count(*) from public.work_items i where i.id = any (m.created_items))
    + (select count(*) from jsonb_populate_recordset(null::public.work_items, m.dropped_items) r
       where r.unit_id = m.into_unit_id and not exists (select 1 from public.work_items i where i.id = r.id))
  into items_left;

  return private.remember(client_id, 'unmerge_unit', jsonb_build_object(
    'unit', private.unit_json(m.into_unit_id),
    'restored', private.unit_json(restored.id),
    'returned', jsonb_build_object(
      'assignments', returned_assignments, 'items', items_back, 'features', returned_features),
    'left', jsonb_build_object(
      'assignments', jsonb_array_length(m.assignments) - returned_assignments,
      'items', items_left,
      'features', cardinality(m.features) - returned_features)
  ));
end;
$$;

revoke execute on function
  public.rename_unit(text, text, int, uuid),
  public.unmerge_unit(bigint, uuid)
from anon, public;
grant execute on function
  public.rename_unit(text, text, int, uuid),
  public.unmerge_unit(bigint, uuid)
to authenticated, service_role;
