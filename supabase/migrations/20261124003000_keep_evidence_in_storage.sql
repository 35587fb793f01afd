-- keep_evidence_in_storage: on Supabase, evidence files (the photos and files behind 已完成) live
-- in Supabase Storage, in the private bucket `evidence`, one object per file at
-- `<item_id>/<uuid>.<ext>`, and public.evidence keeps the object's storage_path. The embedded
-- database has no Storage: there the bytes stay in public.evidence.content. A row carries exactly
-- one of the two, and the size and type checks hold for both.
-- The Storage part (the bucket, the policies on storage.objects) runs only where schema `storage`
-- exists, so this migration applies unchanged to a Supabase project, plain PostgreSQL and PGlite.
-- It only creates policies there: Supabase turns RLS on for storage.objects itself, and a migration
-- may neither alter that table nor comment on its policies (the table belongs to Storage's role).

-- The types evidence may be: one list for the check on public.evidence and for the bucket.
-- Mirrors EVIDENCE_TYPES in src/domain/ledger/evidence-validation.ts.
create function private.evidence_mime_types() returns text[]
language sql immutable
set search_path = ''
as $$
  select array[
    'image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/plain'
  ]
$$;

-- The item an evidence object belongs to, read from its path `<item_id>/<uuid>.<ext>` (UUIDs in
-- lowercase, an extension of 1 to 8 lowercase letters or digits); null for any other path.
-- Mirrors evidencePathItem in src/domain/ledger/evidence-validation.ts.
create function private.evidence_path_item(storage_path text) returns uuid
language sql immutable
set search_path = ''
as $$
  select case
    when storage_path ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,8}$'
    then split_part(storage_path, '/', 1)::uuid
  end
$$;

-- Whether storage_path is a path of item_id's evidence: {"ok": true} or {"ok": false, "reason":
-- "bad_path" | "other_item"}. Mirrors validateEvidencePath (a database test compares them).
create function private.evidence_path_verdict(storage_path text, item_id uuid) returns jsonb
language sql immutable
set search_path = ''
as $$
  select case
    when private.evidence_path_item(storage_path) is null then '{"ok": false, "reason": "bad_path"}'::jsonb
    when private.evidence_path_item(storage_path) <> item_id then '{"ok": false, "reason": "other_item"}'::jsonb
    else '{"ok": true}'::jsonb
  end
$$;

alter table public.evidence
  alter column content drop not null,
  add column storage_path text,
  drop constraint evidence_mime_type_check,
  drop constraint evidence_size_matches,
  add constraint evidence_mime_type_check check (mime_type = any (private.evidence_mime_types())),
  add constraint evidence_size_matches check (content is null or octet_length(content) = size_bytes),
  add constraint evidence_content_or_storage check ((content is null) <> (storage_path is null)),
  add constraint evidence_storage_path_of_item
    check (storage_path is null or (private.evidence_path_verdict(storage_path, item_id) ->> 'ok')::boolean),
  add constraint evidence_storage_path_once unique (storage_path);
comment on column public.evidence.content is 'The file''s bytes, in the embedded database (it has no Storage); null when storage_path is set.';
comment on column public.evidence.storage_path is 'On Supabase: the file''s object in Storage bucket evidence, <item_id>/<uuid>.<ext>; null when content is set.';

-- Whether the caller reaches the item (private.item_in_reach). Storage's read policy asks it.
create function private.reaches_item(item_id uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.work_items i
    where i.id = reaches_item.item_id and private.item_in_reach(i.township_code, i.district_code)
  )
$$;

-- Whether the caller may act on the item (start, report, complete: the roles of
-- private.item_transition) and reaches it. Storage's upload policy asks it.
create function private.may_act_on_item(item_id uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce((select private.my_role()) in ('planner', 'command', 'township'), false)
    and private.reaches_item(may_act_on_item.item_id)
$$;

-- Whether an evidence row holds the object at storage_path. security definer, so that the delete
-- policy below holds by itself, whatever evidence rows the caller may read: the Storage API deletes
-- with a WHERE clause, which also applies the read policy, but a DELETE without one is checked
-- against the delete policy alone. It tells nothing but this one fact about a path the caller names.
create function private.evidence_object_held(storage_path text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.evidence e where e.storage_path = evidence_object_held.storage_path)
$$;

-- A storage_path must name an object of bucket evidence whose size and type, as Storage recorded
-- them at upload, are the row's. Where schema storage does not exist (embedded, plain PostgreSQL)
-- there is no object to look at and the checks above on the path's shape are all there is; the
-- embedded app never sends a storage_path. security invoker: the caller reads the object through
-- Storage's read policy below, as any member who reaches the item may.
create function private.check_evidence_object() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  meta jsonb;
begin
  if new.storage_path is null or to_regclass('storage.objects') is null then
    return new;
  end if;
  select o.metadata into meta from storage.objects o
  where o.bucket_id = 'evidence' and o.name = new.storage_path;
  if not found then
    raise exception 'invalid_evidence' using errcode = '22023',
      detail = 'no file is stored at ' || new.storage_path;
  end if;
  if (meta ->> 'size')::bigint is distinct from new.size_bytes
    or btrim(split_part(meta ->> 'mimetype', ';', 1)) is distinct from new.mime_type then
    raise exception 'invalid_evidence' using errcode = '22023',
      detail = 'the stored file''s size or type differs from the one given';
  end if;
  return new;
end;
$$;
create trigger evidence_check_object before insert on public.evidence
  for each row execute function private.check_evidence_object();

revoke execute on all functions in schema private from public, anon;
grant execute on all functions in schema private to authenticated, service_role;

-- evidence_file: one photo or file: its bytes, base64-encoded (embedded database), or its
-- storage_path in bucket evidence (Supabase), the other null. Null if not in reach.
create or replace function public.evidence_file(evidence_id uuid) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'id', ev.id, 'file_name', ev.file_name, 'mime_type', ev.mime_type,
    'content_base64', translate(encode(ev.content, 'base64'), E'\n', ''),
    'storage_path', ev.storage_path
  )
  from public.evidence ev where ev.id = evidence_file.evidence_id
$$;

-- act_on_item: one step of the status loop (start, report, complete, close, return) with a note
-- and, for complete, at least one piece of evidence. Each file is either its bytes
-- {file_name, mime_type, content_base64, taken_at?, lon?, lat?} or, uploaded to Storage first,
-- {file_name, mime_type, size_bytes, storage_path, taken_at?, lon?, lat?}. Returns the item as it
-- now stands.
create or replace function public.act_on_item(
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
  size numeric;
  path_verdict jsonb;
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
    if jsonb_typeof(file) <> 'object' or (file ? 'content_base64') = (file ? 'storage_path') then
      raise exception 'invalid_evidence' using errcode = '22023',
        detail = 'a file has either content_base64 or storage_path';
    end if;
    content := null;
    size := null;
    if file ? 'storage_path' then
      path_verdict := private.evidence_path_verdict(file ->> 'storage_path', act_on_item.item_id);
      if not (path_verdict ->> 'ok')::boolean then
        raise exception 'invalid_evidence' using errcode = '22023',
          detail = 'storage_path: ' || (path_verdict ->> 'reason');
      end if;
      if jsonb_typeof(file -> 'size_bytes') = 'number' then
        size := (file ->> 'size_bytes')::numeric;
      end if;
    else
      begin
        content := decode(file ->> 'content_base64', 'base64');
      exception when others then
        raise exception 'invalid_evidence' using errcode = '22023', detail = 'file content is not base64';
      end;
      size := octet_length(content);
    end if;
    if size is null or size <> trunc(size) or size < 1 or size > 10485760 then
      raise exception 'invalid_evidence' using errcode = '22023', detail = 'a file must hold 1 byte to 10 MB';
    end if;
    insert into public.evidence (event_id, item_id, file_name, mime_type, size_bytes, content, storage_path, taken_at, location)
    values (
      event_id, act_on_item.item_id, btrim(file ->> 'file_name'), file ->> 'mime_type', size::int, content,
      file ->> 'storage_path',
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

-- Storage, where it exists: the private bucket (10 MB and the evidence types, as the checks on
-- public.evidence), and who may do what with its objects. A member who may act on an item uploads
-- under the item's folder; whoever reaches the item reads its files; nobody updates them; an
-- uploader removes only their own files that no evidence row holds, which is how a client takes
-- back its uploads when the act_on_item that was to hold them fails, and why nothing saved is lost.
do $storage$
begin
  if not exists (select from pg_namespace where nspname = 'storage') then
    return;
  end if;
  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values ('evidence', 'evidence', false, 10485760, private.evidence_mime_types())
  on conflict (id) do update set
    public = false,
    file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;
  create policy "evidence: members who may act on an item upload its files" on storage.objects
    for insert to authenticated
    with check (bucket_id = 'evidence' and private.may_act_on_item(private.evidence_path_item(name)));
  create policy "evidence: members read the files of the items in their reach" on storage.objects
    for select to authenticated
    using (bucket_id = 'evidence' and private.reaches_item(private.evidence_path_item(name)));
  create policy "evidence: uploaders remove their own files that no evidence holds" on storage.objects
    for delete to authenticated
    using (
      bucket_id = 'evidence'
      and owner_id = (select auth.uid())::text
      and not private.evidence_object_held(name)
    );
end
$storage$;
