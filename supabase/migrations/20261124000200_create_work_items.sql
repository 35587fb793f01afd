-- create_work_items: 对账销号, the status loop. A work item is one assignment of a task to a
-- township or unit, or one feature a task concerns; each carries a status
-- 未开始 not_started → 推进中 in_progress → 已完成(待复核) done → 已销号 closed, or 退回 (return)
-- from done back to in_progress with a reason. Every change is an appended event (who, when,
-- note); completing needs at least one piece of evidence (photo or file). Clients never write a
-- status directly: they append events, and a trigger applies each event to its item.

alter table public.units add column covers text
  check (covers is null or covers in ('all_townships', 'chosen_townships'));
comment on column public.units.covers is 'For groups: all_townships = 各镇（街道） (every township of the unit''s district), chosen_townships = 相关镇(街道) (the ones command dispatches to).';
alter table public.plans add column township_code text references public.townships (code);
comment on column public.plans.township_code is 'Set when the plan is a township''s own (送表矿区): all its items belong to that township.';
create index plans_township_code_idx on public.plans (township_code);

create table public.work_items (
  id uuid primary key default gen_random_uuid(),
  task_id text not null references public.tasks (id) on delete cascade,
  district_code text not null references public.districts (code),
  township_code text references public.townships (code),
  unit_id text references public.units (id),
  feature_id text references public.features (id) on delete cascade,
  status text not null default 'not_started'
    check (status in ('not_started', 'in_progress', 'done', 'closed')),
  deadline date,
  version int not null default 1 check (version >= 1),
  last_note text,
  last_actor uuid,
  last_event_at timestamptz,
  created_at timestamptz not null default now(),
  constraint work_items_once unique nulls not distinct (task_id, township_code, unit_id, feature_id)
);
comment on table public.work_items is 'Items to close off (对账销号): a task assigned to a township or unit, or a feature a task concerns, with its status and deadline.';
create index work_items_task_id_idx on public.work_items (task_id);
create index work_items_township_code_idx on public.work_items (township_code);
create index work_items_district_code_idx on public.work_items (district_code);
create index work_items_unit_id_idx on public.work_items (unit_id);
create index work_items_feature_id_idx on public.work_items (feature_id);

create table public.work_item_events (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references public.work_items (id) on delete cascade,
  actor uuid not null default auth.uid(),
  at timestamptz not null default now(),
  action text not null check (action in ('start', 'report', 'complete', 'close', 'return')),
  base_version int not null,
  from_status text,
  to_status text,
  note text check (note is null or length(note) <= 2000)
);
comment on table public.work_item_events is 'Append-only log of what was done to a work item: who, when, the action, the status before and after, a note.';
create index work_item_events_item_id_idx on public.work_item_events (item_id, at);
create index work_item_events_actor_idx on public.work_item_events (actor);

create table public.evidence (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.work_item_events (id) on delete cascade,
  item_id uuid not null references public.work_items (id) on delete cascade,
  file_name text not null check (length(btrim(file_name)) between 1 and 200),
  mime_type text not null check (mime_type ~ '^(image/(jpeg|png|webp|gif)|application/pdf|application/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet)|text/plain)$'),
  size_bytes int not null check (size_bytes between 1 and 10485760),
  content bytea not null,
  taken_at timestamptz,
  location extensions.geometry(point, 4326),
  uploaded_by uuid not null default auth.uid(),
  uploaded_at timestamptz not null default now(),
  constraint evidence_size_matches check (octet_length(content) = size_bytes)
);
comment on table public.evidence is 'Photos and files attached to a work item event (the proof behind 已完成), with when and, if the device gave it, where.';
create index evidence_event_id_idx on public.evidence (event_id);
create index evidence_item_id_idx on public.evidence (item_id);
create index evidence_uploaded_by_idx on public.evidence (uploaded_by);
create index evidence_location_idx on public.evidence using gist (location);

-- The status loop; mirrors src/domain/ledger/item-status.ts (a database test compares them).
-- Returns {"ok": true, "to": status} or {"ok": false, "reason": code}.
create function private.item_transition(from_status text, action text, actor_role text, note text)
returns jsonb
language sql immutable
set search_path = ''
as $$
  with rule(action, sources, target, roles, needs_note) as (values
    ('start', array['not_started'], 'in_progress', array['township', 'command', 'planner'], false),
    ('report', array['not_started', 'in_progress'], 'in_progress', array['township', 'command', 'planner'], true),
    ('complete', array['not_started', 'in_progress'], 'done', array['township', 'command', 'planner'], false),
    ('close', array['done'], 'closed', array['command', 'planner'], false),
    ('return', array['done'], 'in_progress', array['command', 'planner'], true)
  )
  select coalesce((
    select case
      when actor_role is null or not actor_role = any (r.roles) then '{"ok": false, "reason": "role_not_allowed"}'::jsonb
      when not from_status = any (r.sources) then '{"ok": false, "reason": "status_not_allowed"}'::jsonb
      when r.needs_note and coalesce(btrim(note), '') = '' then '{"ok": false, "reason": "note_required"}'::jsonb
      else jsonb_build_object('ok', true, 'to', r.target)
    end
    from rule r where r.action = item_transition.action
  ), '{"ok": false, "reason": "unknown_action"}'::jsonb)
$$;

-- Whether the caller reaches an item: planners, command and unlimited viewers every item, a
-- limited viewer its district's, a township its own. The trigger that applies events asks it; the
-- read policy below states the same rule (a test checks that both agree).
create function private.item_in_reach(township_code text, district_code text) returns boolean
language sql stable
set search_path = ''
as $$
  select (select private.reads_all())
    or item_in_reach.township_code = (select private.my_township())
    or item_in_reach.district_code = (select private.viewer_district())
$$;

-- The deadline an item starts with: the task's earliest one-off deadline, else the end of the
-- plan's campaign period.
create function private.task_deadline(task_id text) returns date
language sql stable
set search_path = ''
as $$
  select coalesce((select min(d) from unnest(t.deadlines) d), p.period_end)
  from public.tasks t join public.plans p on p.id = t.plan_id
  where t.id = task_deadline.task_id
$$;

-- Items belong to the district of their task's plan (or of their feature).
create function private.fill_work_item() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.district_code is null then
    new.district_code := coalesce(
      (select p.district_code from public.tasks t join public.plans p on p.id = t.plan_id where t.id = new.task_id),
      (select f.district_code from public.features f where f.id = new.feature_id)
    );
  end if;
  if new.deadline is null then
    new.deadline := private.task_deadline(new.task_id);
  end if;
  return new;
end;
$$;
create trigger work_items_fill before insert on public.work_items
  for each row execute function private.fill_work_item();

-- Applies an appended event to its item. security definer: items' status, version and last
-- note are written only here (no client role has the grant), so the loop cannot be skipped.
-- The trigger locks the item, so of two events based on the same version exactly one applies.
create function private.apply_item_event() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  item public.work_items;
  verdict jsonb;
begin
  select * into item from public.work_items i where i.id = new.item_id for update;
  -- Out of reach (or missing): apply nothing and say nothing; the insert policy (or the foreign
  -- key) then refuses the event the way PostgreSQL refuses any row.
  if not found or not private.item_in_reach(item.township_code, item.district_code) then
    return new;
  end if;
  if item.version <> new.base_version then
    raise exception 'stale_version' using errcode = '40001',
      detail = jsonb_build_object('status', item.status, 'version', item.version,
        'last_note', item.last_note, 'last_actor_name', private.member_name(item.last_actor),
        'last_event_at', item.last_event_at)::text;
  end if;
  verdict := private.item_transition(item.status, new.action, private.my_role(), new.note);
  if not (verdict ->> 'ok')::boolean then
    raise exception '%', verdict ->> 'reason'
      using errcode = case when verdict ->> 'reason' = 'role_not_allowed' then '42501' else '22023' end;
  end if;
  new.actor := (select auth.uid());
  new.at := now();
  new.from_status := item.status;
  new.to_status := verdict ->> 'to';
  update public.work_items i set
    status = new.to_status,
    last_note = nullif(btrim(coalesce(new.note, '')), ''),
    last_actor = new.actor,
    last_event_at = new.at
  where i.id = item.id;
  return new;
end;
$$;
create trigger work_item_events_apply before insert on public.work_item_events
  for each row execute function private.apply_item_event();

-- 已完成 needs proof: checked at commit, after the evidence of the same request is in.
create function private.check_completion_evidence() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.action = 'complete' and not exists (select 1 from public.evidence e where e.event_id = new.id) then
    raise exception 'evidence_required' using errcode = '23514',
      detail = 'completing an item needs at least one photo or file';
  end if;
  return null;
end;
$$;
create constraint trigger work_item_events_evidence after insert on public.work_item_events
  deferrable initially deferred
  for each row execute function private.check_completion_evidence();

-- Items for each lead or responsible assignment: a township's own plan → that township; a group
-- covering every township (各镇（街道）) → one item per township of its district; a township unit
-- → its township; any other unit → one item for the unit. Cooperating units get none.
create function private.create_assignment_items() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.role = 'cooperating' then
    return null;
  end if;
  insert into public.work_items (task_id, township_code, unit_id)
  select new.task_id, tw.code, new.unit_id
  from public.units u
  join public.tasks t on t.id = new.task_id
  join public.plans p on p.id = t.plan_id
  cross join lateral (
    select p.township_code as code where p.township_code is not null
    union all
    select x.code from public.townships x
    where p.township_code is null and u.covers = 'all_townships'
      and x.district_code = coalesce(u.district_code, p.district_code)
    union all
    select u.township_code where p.township_code is null and u.covers is null and u.township_code is not null
    union all
    select null where p.township_code is null and u.covers is null and u.township_code is null
  ) tw
  where u.id = new.unit_id
  on conflict do nothing;
  return null;
end;
$$;
create trigger task_units_create_items after insert on public.task_units
  for each row execute function private.create_assignment_items();

-- One item for each feature a task concerns, in the feature's township.
create function private.create_feature_item() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  insert into public.work_items (task_id, feature_id, township_code, unit_id, district_code)
  select new.task_id, f.id, f.township_code, f.unit_id, f.district_code
  from public.features f where f.id = new.feature_id
  on conflict do nothing;
  return null;
end;
$$;
create trigger feature_tasks_create_items after insert on public.feature_tasks
  for each row execute function private.create_feature_item();

revoke execute on all functions in schema private from public, anon;
grant execute on all functions in schema private to authenticated, service_role;

alter table public.work_items enable row level security;
alter table public.work_item_events enable row level security;
alter table public.evidence enable row level security;

-- The rule of private.item_in_reach, written with the caller's facts as (select ...) so that they
-- are read once per query, not once per row (a township's ledger took 12 s the other way).
create policy "members read the items in their reach" on public.work_items
  for select to authenticated
  using (
    (select private.reads_all())
    or township_code = (select private.my_township())
    or district_code = (select private.viewer_district())
  );
create policy "planners and command dispatch items" on public.work_items
  for insert to authenticated
  with check ((select private.my_role()) in ('planner', 'command'));
create policy "planners and command reassign items" on public.work_items
  for update to authenticated
  using ((select private.my_role()) in ('planner', 'command'))
  with check ((select private.my_role()) in ('planner', 'command'));
create policy "planners and command withdraw items" on public.work_items
  for delete to authenticated
  using ((select private.my_role()) in ('planner', 'command'));

create policy "members read the events of items in their reach" on public.work_item_events
  for select to authenticated
  using (exists (select 1 from public.work_items i where i.id = item_id));
create policy "members act on items in their reach, as themselves" on public.work_item_events
  for insert to authenticated
  with check (
    actor = (select auth.uid())
    and (select private.my_role()) in ('planner', 'command', 'township')
    and exists (select 1 from public.work_items i where i.id = item_id)
  );

create policy "members read the evidence of items in their reach" on public.evidence
  for select to authenticated
  using (exists (select 1 from public.work_items i where i.id = item_id));
create policy "actors attach evidence to their own events" on public.evidence
  for insert to authenticated
  with check (
    uploaded_by = (select auth.uid())
    and exists (
      select 1 from public.work_item_events e
      where e.id = event_id and e.item_id = evidence.item_id and e.actor = (select auth.uid())
    )
  );

-- Status, version and the last note change only through events (the trigger above); planners
-- and command may move an item to another township or unit, or change its deadline.
revoke all on public.work_items, public.work_item_events, public.evidence from anon;
revoke insert, update, delete, truncate on public.work_items, public.work_item_events, public.evidence
  from authenticated;
grant select, insert, delete on public.work_items to authenticated;
grant update (township_code, unit_id, deadline) on public.work_items to authenticated;
grant select, insert on public.work_item_events, public.evidence to authenticated;
