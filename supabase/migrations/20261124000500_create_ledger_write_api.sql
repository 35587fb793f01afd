-- create_ledger_write_api: the API of roles, work items, history and edits, as SQL functions
-- (Supabase rpc) shared by both backends. All security invoker: RLS and grants decide who may
-- do what; the functions only give refusals clear reason codes. Edits carry the version they
-- were based on; an older version is refused with stale_version and the current values. A
-- repeated submission (same client_id from the same user) is stored once and answered with the
-- first answer.

create table public.client_submissions (
  user_id uuid not null default auth.uid(),
  client_id uuid not null,
  fn text not null,
  result jsonb not null,
  at timestamptz not null default now(),
  primary key (user_id, client_id)
);
comment on table public.client_submissions is 'Answers to submissions by client-generated id, so a repeated submission (double click, retry after a lost reply) is stored once.';
alter table public.client_submissions enable row level security;
create policy "users read their own submissions" on public.client_submissions
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users record their own submissions" on public.client_submissions
  for insert to authenticated with check (user_id = (select auth.uid()));
revoke all on public.client_submissions from anon;
revoke update, delete, truncate on public.client_submissions from authenticated;
grant select, insert on public.client_submissions to authenticated;

-- The first answer to a submission, or null. Serialises identical submissions racing each other.
create function private.replayed(client_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if client_id is null then
    return null;
  end if;
  perform pg_advisory_xact_lock(hashtextextended((select auth.uid())::text || client_id::text, 0));
  return (select s.result from public.client_submissions s
          where s.user_id = (select auth.uid()) and s.client_id = replayed.client_id);
end;
$$;

create function private.remember(client_id uuid, fn text, result jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if client_id is not null then
    insert into public.client_submissions (client_id, fn, result) values (remember.client_id, fn, result);
  end if;
  return result;
end;
$$;

-- Why an edit of zero rows was refused: not there (or not in reach), based on an older version
-- (the detail carries the current values), or not allowed for the caller's role.
create function private.refuse_edit(current_row jsonb, base_version int) returns void
language plpgsql
set search_path = ''
as $$
begin
  if current_row is null then
    raise exception 'not_found' using errcode = 'P0002';
  elsif (current_row ->> 'version')::int <> base_version then
    raise exception 'stale_version' using errcode = '40001', detail = current_row::text;
  else
    raise exception 'permission_denied' using errcode = '42501';
  end if;
end;
$$;

-- An edit names only fields the function may change; anything else is refused, not ignored.
create function private.check_changes(changes jsonb, allowed text[]) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if jsonb_typeof(changes) is distinct from 'object' or exists (
    select 1 from jsonb_object_keys(changes) k where not k = any (allowed)
  ) then
    raise exception 'invalid_changes' using errcode = '22023', detail = 'allowed: ' || array_to_string(allowed, ', ');
  end if;
end;
$$;

-- Today in China (UTC+8, no daylight saving), without relying on the server's time zone data.
create function private.china_today() returns date
language sql stable
set search_path = ''
as $$
  select ((now() at time zone 'UTC') + interval '8 hours')::date
$$;

create function private.work_item_json(i public.work_items) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', i.id,
    'status', i.status,
    'version', i.version,
    'deadline', i.deadline,
    -- Mirrors isOverdue in src/domain/ledger/deadline.ts.
    'overdue', i.deadline is not null and i.deadline < private.china_today() and i.status <> 'closed',
    'district_code', i.district_code,
    'task', (
      select jsonb_build_object(
        'id', t.id, 'number', t.number, 'title', t.title,
        'plan', jsonb_build_object('id', p.id, 'title', p.title, 'doc_number', p.doc_number)
      )
      from public.tasks t join public.plans p on p.id = t.plan_id where t.id = i.task_id
    ),
    'township', (select jsonb_build_object('code', tw.code, 'name', tw.name)
                 from public.townships tw where tw.code = i.township_code),
    'unit', (select jsonb_build_object('id', u.id, 'name', u.name) from public.units u where u.id = i.unit_id),
    'feature', (select jsonb_build_object('id', f.id, 'name', f.name, 'kind', f.kind)
                from public.features f where f.id = i.feature_id),
    'last_note', i.last_note,
    'last_actor_name', private.member_name(i.last_actor),
    'last_event_at', i.last_event_at
  )
$$;

grant execute on all functions in schema private to authenticated, service_role;
revoke execute on all functions in schema private from public, anon;

-- whoami: the caller's membership, or null for a signed-in user without one, with the extent
-- the map opens on for a township or a district-limited viewer.
create function public.whoami() returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'user_id', m.user_id,
    'role', m.role,
    'display_name', m.display_name,
    'township', (select jsonb_build_object('code', tw.code, 'name', tw.name, 'district_code', tw.district_code)
                 from public.townships tw where tw.code = m.township_code),
    'district', (select jsonb_build_object('code', d.code, 'name', d.name)
                 from public.districts d where d.code = m.district_code),
    -- Where the map opens for this user: its township's features, or its district.
    'bbox', (
      select case when e is null then null else jsonb_build_array(
        extensions.st_xmin(e), extensions.st_ymin(e), extensions.st_xmax(e), extensions.st_ymax(e)) end
      from (
        select coalesce(
          (select extensions.st_extent(f.geom)::extensions.geometry from public.features f
           where m.township_code is not null and f.township_code = m.township_code),
          (select extensions.st_envelope(d.geom) from public.districts d where d.code = m.district_code)
        ) as e
      ) x
    )
  )
  from public.memberships m
  where m.user_id = (select auth.uid())
$$;

-- work_items_list: the items in the caller's reach (for a township: its own, 我的任务), overdue
-- first, then by deadline; closed ones last. Filters are optional. Counts cover every match,
-- the list at most limit_n of them.
create function public.work_items_list(
  statuses text[] default null,
  township_code text default null,
  task_id text default null,
  feature_id text default null,
  overdue_only boolean default false,
  limit_n int default 200
) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  with matching as (
    select i as item, i.id, i.task_id, i.status, i.deadline,
      i.deadline is not null and i.deadline < private.china_today() and i.status <> 'closed' as overdue
    from public.work_items i
    where (statuses is null or i.status = any (statuses))
      and (work_items_list.township_code is null or i.township_code = work_items_list.township_code)
      and (work_items_list.task_id is null or i.task_id = work_items_list.task_id)
      and (work_items_list.feature_id is null or i.feature_id = work_items_list.feature_id)
  ),
  filtered as (
    select * from matching m where not overdue_only or m.overdue
  ),
  listed as (
    select * from filtered f
    order by f.status = 'closed', f.status = 'done', f.overdue desc, f.deadline nulls last, f.task_id, f.id
    limit greatest(0, least(coalesce(limit_n, 200), 2000))
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

-- item_detail: an item with its events (who, when, what, note) and the evidence of each
-- (metadata; the file itself through evidence_file). Null if not in reach.
create function public.item_detail(item_id uuid) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select private.work_item_json(i) || jsonb_build_object(
    'events', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', e.id, 'at', e.at, 'action', e.action, 'from_status', e.from_status, 'to_status', e.to_status,
        'note', e.note, 'actor_name', private.member_name(e.actor),
        'evidence', coalesce((
          select jsonb_agg(jsonb_build_object(
            'id', ev.id, 'file_name', ev.file_name, 'mime_type', ev.mime_type, 'size_bytes', ev.size_bytes,
            'taken_at', ev.taken_at,
            'location', case when ev.location is not null then jsonb_build_array(
              extensions.st_x(ev.location), extensions.st_y(ev.location)) end
          ) order by ev.uploaded_at, ev.id)
          from public.evidence ev where ev.event_id = e.id
        ), '[]'::jsonb)
      ) order by e.at, e.id)
      from public.work_item_events e where e.item_id = i.id
    ), '[]'::jsonb)
  )
  from public.work_items i
  where i.id = item_detail.item_id
$$;

-- evidence_file: one photo or file, base64-encoded. Null if not in reach.
create function public.evidence_file(evidence_id uuid) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'id', ev.id, 'file_name', ev.file_name, 'mime_type', ev.mime_type,
    'content_base64', translate(encode(ev.content, 'base64'), E'\n', '')
  )
  from public.evidence ev where ev.id = evidence_file.evidence_id
$$;

-- act_on_item: one step of the status loop (start, report, complete, close, return) with a note
-- and, for complete, at least one piece of evidence: [{file_name, mime_type, content_base64,
-- taken_at?, lon?, lat?}]. Returns the item as it now stands.
create function public.act_on_item(
  item_id uuid,
  action text,
  base_version int,
  note text default null,
  evidence jsonb default '[]'::jsonb,
  client_id uuid default null
) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  event_id uuid;
  file jsonb;
  content bytea;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  if jsonb_typeof(coalesce(evidence, '[]'::jsonb)) <> 'array' or jsonb_array_length(coalesce(evidence, '[]'::jsonb)) > 10 then
    raise exception 'invalid_evidence' using errcode = '22023', detail = 'evidence is a list of at most 10 files';
  end if;
  if act_on_item.action = 'complete' and jsonb_array_length(coalesce(evidence, '[]'::jsonb)) = 0 then
    raise exception 'evidence_required' using errcode = '23514',
      detail = 'completing an item needs at least one photo or file';
  end if;
  insert into public.work_item_events (item_id, action, base_version, note)
  values (act_on_item.item_id, act_on_item.action, base_version, nullif(btrim(coalesce(note, '')), ''))
  returning id into event_id;
  for file in select value from jsonb_array_elements(coalesce(evidence, '[]'::jsonb)) loop
    begin
      content := decode(file ->> 'content_base64', 'base64');
    exception when others then
      raise exception 'invalid_evidence' using errcode = '22023', detail = 'file content is not base64';
    end;
    if content is null or octet_length(content) = 0 or octet_length(content) > 10485760 then
      raise exception 'invalid_evidence' using errcode = '22023', detail = 'a file must hold 1 byte to 10 MB';
    end if;
    insert into public.evidence (event_id, item_id, file_name, mime_type, size_bytes, content, taken_at, location)
    values (
      event_id, act_on_item.item_id, btrim(file ->> 'file_name'), file ->> 'mime_type', octet_length(content), content,
      (file ->> 'taken_at')::timestamptz,
      case when jsonb_typeof(file -> 'lon') = 'number' and jsonb_typeof(file -> 'lat') = 'number'
        then extensions.st_setsrid(extensions.st_makepoint((file ->> 'lon')::float8, (file ->> 'lat')::float8), 4326)
      end
    );
  end loop;
  return private.remember(client_id, 'act_on_item',
    (select private.work_item_json(i) from public.work_items i where i.id = act_on_item.item_id));
end;
$$;

-- dispatch_item (交办): command or planners give a task to a township or unit, optionally for one
-- feature, with a deadline (the task's own by default). An item that exists already is returned.
create function public.dispatch_item(
  task_id text,
  township_code text default null,
  unit_id text default null,
  feature_id text default null,
  deadline date default null,
  client_id uuid default null
) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  item public.work_items;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  if dispatch_item.township_code is null and dispatch_item.unit_id is null and dispatch_item.feature_id is null then
    raise exception 'invalid_dispatch' using errcode = '22023', detail = 'name a township, a unit or a feature';
  end if;
  insert into public.work_items (task_id, township_code, unit_id, feature_id, deadline)
  values (dispatch_item.task_id, dispatch_item.township_code, dispatch_item.unit_id, dispatch_item.feature_id,
          dispatch_item.deadline)
  on conflict on constraint work_items_once do nothing
  returning * into item;
  if item.id is null then
    select * into item from public.work_items i
    where i.task_id = dispatch_item.task_id
      and i.township_code is not distinct from dispatch_item.township_code
      and i.unit_id is not distinct from dispatch_item.unit_id
      and i.feature_id is not distinct from dispatch_item.feature_id;
  end if;
  return private.remember(client_id, 'dispatch_item', private.work_item_json(item));
end;
$$;

-- update_item: command or planners move an item to another township or unit, or change its
-- deadline. changes: {township_code?, unit_id?, deadline?}.
create function public.update_item(item_id uuid, base_version int, changes jsonb, client_id uuid default null)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  updated public.work_items;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  perform private.check_changes(changes, array['township_code', 'unit_id', 'deadline']);
  update public.work_items i set
    township_code = case when changes ? 'township_code' then changes ->> 'township_code' else i.township_code end,
    unit_id = case when changes ? 'unit_id' then changes ->> 'unit_id' else i.unit_id end,
    deadline = case when changes ? 'deadline' then (changes ->> 'deadline')::date else i.deadline end
  where i.id = update_item.item_id and i.version = base_version
  returning * into updated;
  if updated.id is null then
    perform private.refuse_edit(
      (select private.work_item_json(i) from public.work_items i where i.id = update_item.item_id), base_version);
  end if;
  return private.remember(client_id, 'update_item', private.work_item_json(updated));
end;
$$;

-- A feature's editable values, as a conflict shows them.
create function private.feature_values(feature_id text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', f.id, 'version', f.version, 'updated_at', f.updated_at, 'name', f.name,
    'township_code', f.township_code, 'unit_id', f.unit_id, 'properties', f.properties,
    'geometry', extensions.st_asgeojson(f.geom, 6)::jsonb
  )
  from public.features f where f.id = feature_values.feature_id
$$;

-- update_feature: planners edit a feature. changes: {name?, township_code?, unit_id?,
-- properties?, geometry? (GeoJSON, WGS84)}. Returns the feature's values after the edit.
create function public.update_feature(feature_id text, base_version int, changes jsonb, client_id uuid default null)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  n int;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  perform private.check_changes(changes, array['name', 'township_code', 'unit_id', 'properties', 'geometry']);
  update public.features f set
    name = case when changes ? 'name' then btrim(changes ->> 'name') else f.name end,
    township_code = case when changes ? 'township_code' then changes ->> 'township_code' else f.township_code end,
    unit_id = case when changes ? 'unit_id' then changes ->> 'unit_id' else f.unit_id end,
    properties = case when changes ? 'properties' then changes -> 'properties' else f.properties end,
    geom = case when changes ? 'geometry'
      then extensions.st_setsrid(extensions.st_geomfromgeojson((changes -> 'geometry')::text), 4326)
      else f.geom end
  where f.id = update_feature.feature_id and f.version = base_version;
  get diagnostics n = row_count;
  if n = 0 then
    perform private.refuse_edit(private.feature_values(update_feature.feature_id), base_version);
  end if;
  return private.remember(client_id, 'update_feature', private.feature_values(update_feature.feature_id));
end;
$$;

-- update_task: planners edit a task. changes: {number?, title?, section?, deadlines? (ISO dates)}.
create function public.update_task(task_id text, base_version int, changes jsonb, client_id uuid default null)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  first_answer jsonb := private.replayed(client_id);
  n int;
begin
  if first_answer is not null then
    return first_answer;
  end if;
  perform private.check_changes(changes, array['number', 'title', 'section', 'deadlines']);
  update public.tasks t set
    number = case when changes ? 'number' then btrim(changes ->> 'number') else t.number end,
    title = case when changes ? 'title' then btrim(changes ->> 'title') else t.title end,
    section = case when changes ? 'section' then changes ->> 'section' else t.section end,
    deadlines = case when changes ? 'deadlines'
      then array(select d::date from jsonb_array_elements_text(changes -> 'deadlines') d order by 1)
      else t.deadlines end
  where t.id = update_task.task_id and t.version = base_version;
  get diagnostics n = row_count;
  if n = 0 then
    perform private.refuse_edit(
      (select private.task_json(t.id)
       from public.tasks t where t.id = update_task.task_id),
      base_version);
  end if;
  return private.remember(client_id, 'update_task',
    (select private.task_json(t.id)
     from public.tasks t where t.id = update_task.task_id));
end;
$$;

-- history_of: the newest entries (at most 200) about a task, a feature or an item that the
-- caller may read, each with who, when, what and the fields that changed ([old, new]).
-- Geometry shows as changed, not as its bytes.
create function public.history_of(task_id text default null, feature_id text default null, item_id uuid default null)
returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(entry order by id desc), '[]'::jsonb)
  from (
    select h.id, jsonb_build_object(
      'id', h.id, 'at', h.at, 'actor_name', private.member_name(h.actor), 'table', h.table_name,
      'op', h.op, 'row_key', h.row_key, 'task_id', h.task_id, 'feature_id', h.feature_id, 'item_id', h.item_id,
      'changes', coalesce((
        select jsonb_object_agg(k, jsonb_build_array(
          case when k = 'geom' and h.old_row ? k then '"(geometry)"'::jsonb else h.old_row -> k end,
          case when k = 'geom' and h.new_row ? k then '"(geometry)"'::jsonb else h.new_row -> k end))
        from jsonb_object_keys(coalesce(h.new_row, h.old_row)) k
        where k not in ('version', 'updated_at', 'created_at', 'last_event_at', 'last_actor')
          and coalesce(h.old_row -> k, 'null') is distinct from coalesce(h.new_row -> k, 'null')
      ), '{}'::jsonb)
    ) as entry
    from public.history h
    where (history_of.task_id is null or h.task_id = history_of.task_id)
      and (history_of.feature_id is null or h.feature_id = history_of.feature_id)
      and (history_of.item_id is null or h.item_id = history_of.item_id)
      and coalesce(history_of.task_id, history_of.feature_id, history_of.item_id::text) is not null
    order by h.id desc
    limit 200
  ) newest
$$;

revoke execute on function
  public.whoami(),
  public.work_items_list(text[], text, text, text, boolean, int),
  public.item_detail(uuid),
  public.evidence_file(uuid),
  public.act_on_item(uuid, text, int, text, jsonb, uuid),
  public.dispatch_item(text, text, text, text, date, uuid),
  public.update_item(uuid, int, jsonb, uuid),
  public.update_feature(text, int, jsonb, uuid),
  public.update_task(text, int, jsonb, uuid),
  public.history_of(text, text, uuid)
from anon, public;
grant execute on function
  public.whoami(),
  public.work_items_list(text[], text, text, text, boolean, int),
  public.item_detail(uuid),
  public.evidence_file(uuid),
  public.act_on_item(uuid, text, int, text, jsonb, uuid),
  public.dispatch_item(text, text, text, text, date, uuid),
  public.update_item(uuid, int, jsonb, uuid),
  public.update_feature(text, int, jsonb, uuid),
  public.update_task(text, int, jsonb, uuid),
  public.history_of(text, text, uuid)
to authenticated, service_role;
