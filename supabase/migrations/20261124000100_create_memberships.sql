-- create_memberships: who may see and do what. One membership per user: a role (planner,
-- command, township, viewer), the township a township user acts for, and the district a viewer
-- is limited to. Authorization reads this table, never user_metadata, and reads it on every
-- request, so a membership change applies to the next request.

create table public.memberships (
  user_id uuid primary key references auth.users (id) on delete cascade,
  role text not null check (role in ('planner', 'command', 'township', 'viewer')),
  display_name text not null check (length(btrim(display_name)) between 1 and 100),
  township_code text references public.townships (code),
  district_code text references public.districts (code),
  created_at timestamptz not null default now(),
  -- A township user acts for exactly one township; nobody else has one.
  constraint memberships_township_role check ((role = 'township') = (township_code is not null)),
  -- Only a viewer can be limited to one district (planners and command read everything).
  constraint memberships_district_role check (district_code is null or role in ('viewer', 'township'))
);
comment on table public.memberships is 'User → role (planner 区攻坚办, command 指挥中心, township 镇/街道, viewer), the township a township user acts for, the district a viewer is limited to.';
create index memberships_township_code_idx on public.memberships (township_code);
create index memberships_district_code_idx on public.memberships (district_code);
alter table public.memberships enable row level security;

-- The caller's own membership. security definer: the memberships policies themselves ask for the
-- caller's role, and reading the table through its own RLS from inside a policy would recurse.
-- Each function returns only facts about the caller (auth.uid()).
create function private.my_role() returns text
language sql stable security definer
set search_path = ''
as $$
  select m.role from public.memberships m where m.user_id = (select auth.uid())
$$;
comment on function private.my_role() is 'The caller''s role (planner, command, township, viewer) or null without a membership.';

create function private.my_township() returns text
language sql stable security definer
set search_path = ''
as $$
  select m.township_code from public.memberships m where m.user_id = (select auth.uid())
$$;
comment on function private.my_township() is 'The township a township user acts for; null for every other caller.';

-- True for callers who read the whole ledger: planners, command, and viewers not limited to a
-- district. Policies call it as (select private.reads_all()), evaluated once per statement.
create function private.reads_all() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((
    select m.role in ('planner', 'command') or (m.role = 'viewer' and m.district_code is null)
    from public.memberships m where m.user_id = (select auth.uid())
  ), false)
$$;

-- The one district a limited viewer reads; null for every other caller.
create function private.viewer_district() returns text
language sql stable security definer
set search_path = ''
as $$
  select m.district_code from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = 'viewer'
$$;

-- A user's display name for history and event lists, which show who acted even to callers who
-- may not read the memberships table (a township sees the command user who closed its item).
create function private.member_name(user_id uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select m.display_name from public.memberships m where m.user_id = member_name.user_id),
    (select u.email from auth.users u where u.id = member_name.user_id)
  )
$$;

revoke execute on function private.my_role(), private.my_township(), private.reads_all(),
  private.viewer_district(), private.member_name(uuid) from public, anon;
grant execute on function private.my_role(), private.my_township(), private.reads_all(),
  private.viewer_district(), private.member_name(uuid) to authenticated, service_role;

create policy "members read their own membership, planners and command all" on public.memberships
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.my_role()) in ('planner', 'command'));
create policy "planners add memberships" on public.memberships
  for insert to authenticated
  with check ((select private.my_role()) = 'planner');
create policy "planners change memberships" on public.memberships
  for update to authenticated
  using ((select private.my_role()) = 'planner')
  with check ((select private.my_role()) = 'planner');
create policy "planners remove memberships" on public.memberships
  for delete to authenticated
  using ((select private.my_role()) = 'planner');

revoke all on public.memberships from anon;
revoke truncate on public.memberships from authenticated;
