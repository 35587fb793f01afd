-- create_unit_registry: units become a registry that plan imports resolve printed names against.
-- Two printings of one name meet under one key (full- and half-width forms and whitespace do not
-- matter: private.unit_key, the twin of unitKey in src/domain/plan/units.ts). When a planner says
-- two units are one (the same bureau under an old and a new name), merge_units moves everything
-- onto the kept unit and records the old name as an alias, so later imports resolve it there.
-- Every assignment keeps the name exactly as printed.

-- The characters JavaScript's \s matches (after NFKC), so that keys agree with unitKey.
create function private.js_spaces() returns text
language sql immutable
set search_path = ''
as $$
  select E'\t\n\x0b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
$$;

-- The key under which two printings of a unit's name compare equal: NFKC (full-width parentheses,
-- digits and letters become half-width), then every whitespace character removed.
create function private.unit_key(name text) returns text
language sql immutable
set search_path = ''
as $$
  select translate(normalize(name, nfkc), private.js_spaces(), '')
$$;

create index units_key_idx on public.units (district_code, private.unit_key(name));

create table public.unit_aliases (
  district_code text not null references public.districts (code),
  alias_name text not null check (length(btrim(alias_name)) > 0),
  alias_key text generated always as (private.unit_key(alias_name)) stored,
  unit_id text not null references public.units (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (district_code, alias_key)
);
comment on table public.unit_aliases is 'Other names of a unit in a district (e.g. 区环保局 for 生态环境分局), recorded when a planner merges two units; imports resolve a printed name through its key here first.';
create index unit_aliases_unit_id_idx on public.unit_aliases (unit_id);
alter table public.unit_aliases enable row level security;

create trigger unit_aliases_history after insert or delete or update on public.unit_aliases
  for each row execute function private.record_history('district_code', 'alias_key');

create policy "members read unit aliases" on public.unit_aliases
  for select to authenticated using ((select private.my_role()) is not null);
create policy "planners add unit aliases" on public.unit_aliases
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners change unit aliases" on public.unit_aliases
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');
create policy "planners remove unit aliases" on public.unit_aliases
  for delete to authenticated using ((select private.my_role()) = 'planner');

revoke all on public.unit_aliases from anon;
revoke truncate on public.unit_aliases from authenticated;
grant select, insert, update, delete on public.unit_aliases to authenticated;

-- Planner-only API functions call this first. RLS stays the guard; this gives every other caller
-- the same 42501 permission_denied, also where a function would otherwise answer from reads (an
-- import that finds its plan already there) or write nothing a policy refuses (a delete).
create function private.require_planner() returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if (select private.my_role()) is distinct from 'planner' then
    raise exception 'permission_denied' using errcode = '42501';
  end if;
end;
$$;

-- The unit a printed name stands for in a district: an alias first (a merged name), else a unit
-- whose own name has the same key. Null when the registry does not know the name.
create function private.find_unit(district_code text, name text) returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select a.unit_id from public.unit_aliases a
     where a.district_code = find_unit.district_code and a.alias_key = private.unit_key(find_unit.name)),
    (select u.id from public.units u
     where u.district_code = find_unit.district_code and private.unit_key(u.name) = private.unit_key(find_unit.name)
     order by u.id limit 1)
  )
$$;

-- A unit with its other names and how often it is used, as far as the caller sees.
create function private.unit_json(unit_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', u.id, 'name', u.name, 'kind', u.kind, 'covers', u.covers,
    'district_code', u.district_code, 'township_code', u.township_code,
    'aliases', coalesce((
      select jsonb_agg(a.alias_name order by a.alias_name) from public.unit_aliases a where a.unit_id = u.id
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

revoke execute on function private.js_spaces(), private.unit_key(text), private.require_planner(),
  private.find_unit(text, text), private.unit_json(text) from public, anon;
grant execute on function private.js_spaces(), private.unit_key(text), private.require_planner(),
  private.find_unit(text, text), private.unit_json(text) to authenticated, service_role;

-- units_list: the units of one district (or of all), with kind, what a group covers, other names
-- and usage counts; for the ledger's unit filter and for choosing units to merge.
create function public.units_list(district_code text default null) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(private.unit_json(u.id) order by u.district_code, u.kind, u.name), '[]'::jsonb)
  from public.units u
  where units_list.district_code is null or u.district_code = units_list.district_code
$$;

-- merge_units: planners say two units of one district are one. Assignments, items and features
-- move from `from_unit_id` to `into_unit_id` (each assignment keeps its printed name); where the
-- kept unit already holds the same assignment or item, the two become one (of two items, the one
-- further along stays; on a tie, the kept unit's). The old unit is deleted and its name recorded
-- as an alias of the kept one. Returns the kept unit (as units_list shows it) and what moved.
create function public.merge_units(from_unit_id text, into_unit_id text) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  old public.units;
  kept public.units;
  moved_assignments int;
  moved_items int;
  moved_features int;
begin
  perform private.require_planner();
  select * into old from public.units u where u.id = merge_units.from_unit_id;
  select * into kept from public.units u where u.id = merge_units.into_unit_id;
  if old.id is null or kept.id is null then
    raise exception 'not_found' using errcode = 'P0002';
  end if;
  if old.id = kept.id or old.district_code is null or old.district_code is distinct from kept.district_code then
    raise exception 'invalid_merge' using errcode = '22023', detail = 'two different units of one district';
  end if;

  delete from public.work_items loser
  using public.work_items a, public.work_items b
  where a.unit_id = old.id and b.unit_id = kept.id and a.task_id = b.task_id
    and a.township_code is not distinct from b.township_code
    and a.feature_id is not distinct from b.feature_id
    and loser.id = case
      when array_position(array['not_started', 'in_progress', 'done', 'closed'], a.status)
         > array_position(array['not_started', 'in_progress', 'done', 'closed'], b.status)
      then b.id else a.id end;
  update public.work_items i set unit_id = kept.id where i.unit_id = old.id;
  get diagnostics moved_items = row_count;

  -- Deleted and inserted rather than updated: the key changes, and history replays by key.
  insert into public.task_units (task_id, unit_id, role, scope, name_as_printed, sort_order)
  select tu.task_id, kept.id, tu.role, tu.scope, tu.name_as_printed, tu.sort_order
  from public.task_units tu where tu.unit_id = old.id
  on conflict do nothing;
  delete from public.task_units tu where tu.unit_id = old.id;
  get diagnostics moved_assignments = row_count;

  update public.features f set unit_id = kept.id where f.unit_id = old.id;
  get diagnostics moved_features = row_count;

  update public.unit_aliases a set unit_id = kept.id where a.unit_id = old.id;
  insert into public.unit_aliases (district_code, alias_name, unit_id)
  select old.district_code, old.name, kept.id
  where private.unit_key(old.name) <> private.unit_key(kept.name)
  on conflict (district_code, alias_key) do update set unit_id = excluded.unit_id, alias_name = excluded.alias_name;
  delete from public.units u where u.id = old.id;

  return jsonb_build_object(
    'unit', private.unit_json(kept.id),
    'merged', jsonb_build_object('id', old.id, 'name', old.name),
    'moved', jsonb_build_object('assignments', moved_assignments, 'items', moved_items, 'features', moved_features)
  );
end;
$$;

revoke execute on function public.units_list(text), public.merge_units(text, text) from anon, public;
grant execute on function public.units_list(text), public.merge_units(text, text) to authenticated, service_role;
