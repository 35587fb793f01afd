-- create_map_api: the read API of the map ledger as SQL functions (Supabase `rpc`), shared by
-- both backends. Each returns one JSON value (never a row set: PostgREST caps row sets and PGlite
-- pays per row), GeoJSON where it returns features. Internal helpers live in schema `private`,
-- which PostgREST does not expose.

create schema if not exists private;
grant usage on schema private to authenticated, service_role;

-- Kinds that count as pollution sources around a station; mirrors SOURCE_KINDS in
-- src/domain/feature/kinds.ts (a database test compares the two).
create function private.source_kinds() returns text[]
language sql immutable
set search_path = ''
as $$
  select array['enterprise', 'construction_site', 'restaurant', 'coal_yard', 'bare_soil', 'sewage_outlet', 'mine']
$$;

-- Kinds whose geometry is an area (every other kind is a point); mirrors AREA_KINDS.
create function private.area_kinds() returns text[]
language sql immutable
set search_path = ''
as $$
  select array['truck_restriction', 'coal_ban_zone', 'mine']
$$;

-- A map feature as lean GeoJSON: what the map needs to draw and label it.
create function private.feature_json(f public.features) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'Feature',
    'id', f.id,
    'geometry', extensions.st_asgeojson(f.geom, 6)::jsonb,
    'properties', jsonb_strip_nulls(jsonb_build_object(
      'id', f.id,
      'kind', f.kind,
      'name', f.name,
      'level', f.properties ->> 'level',
      'sample', f.is_sample
    ))
  )
$$;

-- The derived 1 km control zone of a station (站点周边一公里管控区): computed, never stored.
create function private.control_zone_json(f public.features, radius_m int) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'Feature',
    'id', 'zone-' || f.id,
    'geometry', extensions.st_asgeojson(
      extensions.st_buffer(f.geom::extensions.geography, radius_m)::extensions.geometry, 6
    )::jsonb,
    'properties', jsonb_build_object(
      'id', 'zone-' || f.id,
      'kind', 'control_zone',
      'station_id', f.id,
      'name', f.name,
      'radius_m', radius_m
    )
  )
$$;

-- The units of one role on a task, each with the name exactly as the plan printed it.
create function private.task_units_json(task_id text, unit_role text) returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(
    jsonb_strip_nulls(jsonb_build_object(
      'id', u.id, 'name', tu.name_as_printed, 'scope', nullif(tu.scope, '')
    ))
    order by tu.scope, tu.sort_order
  ), '[]'::jsonb)
  from public.task_units tu
  join public.units u on u.id = tu.unit_id
  where tu.task_id = task_units_json.task_id and tu.role = unit_role
$$;

-- A task with its plan and its units by role (牵头/配合/责任), as the panel and ledger show it.
create function private.task_json(task_id text) returns jsonb
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
    'status', t.status,
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

grant execute on all functions in schema private to authenticated, service_role;
revoke execute on all functions in schema private from anon, public;

-- features_in_view: everything to draw in a bounding box. Returns at most `max_features`
-- (5000) individual features; beyond that, pollution sources are aggregated into a grid of about
-- 64 × 64 cells (features with properties.cluster = true and a count), while stations, zones,
-- outlets and mines stay individual. `counts` gives the exact number per kind in the box.
create function public.features_in_view(
  min_lon double precision,
  min_lat double precision,
  max_lon double precision,
  max_lat double precision,
  kinds text[] default null
) returns jsonb
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  max_features constant int := 5000;
  grid_cells constant int := 64;
  env extensions.geometry;
  in_view int;
  cell double precision;
  show_zones boolean := kinds is null or 'station' = any (kinds) or 'control_zone' = any (kinds);
  -- Sources drawn as points are the ones aggregated. Read once: a function call per row would
  -- cost more than the rest of the row's work, and a kind list keeps row estimates right.
  point_sources constant text[] := array(
    select unnest(private.source_kinds()) except select unnest(private.area_kinds())
  );
  result jsonb;
begin
  -- NaN compares greater than every number, so these also reject NaN.
  if not (abs(min_lon) <= 1000 and abs(max_lon) <= 1000 and abs(min_lat) <= 1000 and abs(max_lat) <= 1000)
     or min_lon >= max_lon or min_lat >= max_lat then
    raise exception 'invalid_bbox' using errcode = '22023',
      detail = 'min_lon < max_lon and min_lat < max_lat are required, in degrees';
  end if;
  env := extensions.st_makeenvelope(
    greatest(min_lon, -180), greatest(min_lat, -90), least(max_lon, 180), least(max_lat, 90), 4326
  );

  select count(*) into in_view
  from (
    select 1 from public.features f
    where f.geom operator(extensions.&&) env and (kinds is null or f.kind = any (kinds))
    limit max_features + 1
  ) probe;

  if in_view <= max_features then
    select jsonb_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(jsonb_agg(private.feature_json(f) order by f.kind, f.id), '[]'::jsonb),
      'counts', coalesce((
        select jsonb_object_agg(c.kind, c.n) from (
          select f2.kind, count(*) n from public.features f2
          where f2.geom operator(extensions.&&) env and (kinds is null or f2.kind = any (kinds))
          group by f2.kind
        ) c), '{}'::jsonb),
      'aggregated', false,
      'max_features', max_features
    ) into result
    from public.features f
    where f.geom operator(extensions.&&) env and (kinds is null or f.kind = any (kinds));
  else
    cell := greatest(extensions.st_xmax(env) - extensions.st_xmin(env), extensions.st_ymax(env) - extensions.st_ymin(env)) / grid_cells;
    with individual as (
      select f.* from public.features f
      where f.geom operator(extensions.&&) env
        and (kinds is null or f.kind = any (kinds))
        and not f.kind = any (point_sources)
      order by f.kind, f.id
      limit max_features
    ),
    clusters as (
      select f.kind, count(*) as n,
        avg(extensions.st_x(f.geom)) as x, avg(extensions.st_y(f.geom)) as y,
        min(f.id) as first_id
      from public.features f
      where f.geom operator(extensions.&&) env
        and (kinds is null or f.kind = any (kinds))
        and f.kind = any (point_sources)
      group by f.kind, floor(extensions.st_x(f.geom) / cell)::int, floor(extensions.st_y(f.geom) / cell)::int
    ),
    counts as (
      select kind, sum(n) as n from (
        select kind, n from clusters
        union all
        select f.kind, count(*) from public.features f
        where f.geom operator(extensions.&&) env
          and (kinds is null or f.kind = any (kinds))
          and not f.kind = any (point_sources)
        group by f.kind
      ) parts group by kind
    )
    select jsonb_build_object(
      'type', 'FeatureCollection',
      'features',
        coalesce((select jsonb_agg(private.feature_json(i)) from individual i), '[]'::jsonb)
        || coalesce((
          select jsonb_agg(jsonb_build_object(
            'type', 'Feature',
            'id', 'cluster-' || c.kind || '-' || c.first_id,
            'geometry', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(round(c.x::numeric, 6), round(c.y::numeric, 6))),
            'properties', jsonb_build_object(
              'id', case when c.n = 1 then c.first_id else 'cluster-' || c.kind || '-' || c.first_id end,
              'kind', c.kind, 'cluster', c.n > 1, 'count', c.n
            )
          )) from clusters c), '[]'::jsonb),
      'counts', coalesce((select jsonb_object_agg(kind, n) from counts), '{}'::jsonb),
      'aggregated', true,
      'grid_cell_deg', cell,
      'max_features', max_features
    ) into result;
  end if;

  if show_zones then
    -- Zones of stations just outside the box still reach into it (1 km ≈ 0.012° of latitude).
    result := result || jsonb_build_object('zones', jsonb_build_object(
      'type', 'FeatureCollection',
      'features', coalesce((
        select jsonb_agg(private.control_zone_json(s, 1000) order by s.id)
        from public.features s
        where s.kind = 'station'
          and s.geom operator(extensions.&&) extensions.st_expand(env, 0.02)
      ), '[]'::jsonb)
    ));
  end if;
  return result;
end;
$$;

-- feature_detail: one feature with everything the side panel shows, or null if no such feature
-- is visible to the caller.
create function public.feature_detail(feature_id text) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'Feature',
    'id', f.id,
    'geometry', extensions.st_asgeojson(f.geom, 6)::jsonb,
    'bbox', jsonb_build_array(
      extensions.st_xmin(f.geom), extensions.st_ymin(f.geom), extensions.st_xmax(f.geom), extensions.st_ymax(f.geom)
    ),
    'properties', jsonb_build_object(
      'id', f.id,
      'kind', f.kind,
      'name', f.name,
      'sample', f.is_sample,
      'attributes', f.properties,
      'district', jsonb_build_object('code', d.code, 'name', d.name),
      'township', case when tw.code is null then null else jsonb_build_object('code', tw.code, 'name', tw.name) end,
      'unit', case when u.id is null then null else jsonb_build_object('id', u.id, 'name', u.name) end,
      'control_zone', case when f.kind = 'station' then private.control_zone_json(f, 1000) end,
      'tasks', coalesce((
        select jsonb_agg(private.task_json(ft.task_id) order by p.issued_on desc nulls last, t.sort_order)
        from public.feature_tasks ft
        join public.tasks t on t.id = ft.task_id
        join public.plans p on p.id = t.plan_id
        where ft.feature_id = f.id
      ), '[]'::jsonb)
    )
  )
  from public.features f
  join public.districts d on d.code = f.district_code
  left join public.townships tw on tw.code = f.township_code
  left join public.units u on u.id = f.unit_id
  where f.id = feature_detail.feature_id
$$;

-- task_features: a task and every feature linked to it, with their joint bounding box, for
-- highlighting on the map (挂图作战). Null if no such task is visible to the caller.
create function public.task_features(task_id text) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'FeatureCollection',
    'task', private.task_json(t.id),
    'features', coalesce((
      select jsonb_agg(private.feature_json(f) order by f.kind, f.name)
      from public.feature_tasks ft join public.features f on f.id = ft.feature_id
      where ft.task_id = t.id
    ), '[]'::jsonb),
    'bbox', (
      select case when count(*) = 0 then null else jsonb_build_array(
        min(extensions.st_xmin(f.geom)), min(extensions.st_ymin(f.geom)),
        max(extensions.st_xmax(f.geom)), max(extensions.st_ymax(f.geom))
      ) end
      from public.feature_tasks ft join public.features f on f.id = ft.feature_id
      where ft.task_id = t.id
    )
  )
  from public.tasks t
  where t.id = task_features.task_id
$$;

-- search_features: features whose name (or id, or station code) contains q; exact and prefix
-- matches first. At most 20 results.
create function public.search_features(q text) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  with needle as (
    select lower(regexp_replace(btrim(coalesce(q, '')), '\s+', ' ', 'g')) as s
  ),
  hits as (
    select f as feature, f.id, f.name, f.geom, tw.name as township_name,
      case
        when lower(f.name) = n.s or lower(f.id) = n.s or lower(f.properties ->> 'code') = n.s then 0
        when starts_with(lower(f.name), n.s) then 1
        else 2
      end as rank
    from public.features f
    cross join needle n
    left join public.townships tw on tw.code = f.township_code
    where length(n.s) between 1 and 100
      and (strpos(lower(f.name), n.s) > 0 or lower(f.id) = n.s or lower(f.properties ->> 'code') = n.s)
    order by rank, length(f.name), f.id
    limit 20
  )
  select jsonb_build_object(
    'type', 'FeatureCollection',
    'query', (select s from needle),
    'features', coalesce(jsonb_agg(
      private.feature_json(h.feature)
        || jsonb_build_object('bbox', jsonb_build_array(
          extensions.st_xmin(h.geom), extensions.st_ymin(h.geom), extensions.st_xmax(h.geom), extensions.st_ymax(h.geom)))
        || jsonb_build_object('township_name', h.township_name)
      order by h.rank, length(h.name), h.id
    ), '[]'::jsonb)
  )
  from hits h
$$;

-- sources_in_control_zone: pollution sources within radius_m (default 1000 m) of a station,
-- counted by kind, nearest first (at most 500 listed). The bounding-box prefilter lets the GIST
-- index on features.geom do the work; ST_DWithin on geography then decides exactly.
create function public.sources_in_control_zone(station_id text, radius_m int default 1000) returns jsonb
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  max_listed constant int := 500;
  station extensions.geometry;
  dlat double precision;
  dlon double precision;
  box extensions.geometry;
  sources constant text[] := private.source_kinds();
  result jsonb;
begin
  if radius_m is null or radius_m < 1 or radius_m > 20000 then
    raise exception 'invalid_radius' using errcode = '22023', detail = 'radius_m must be between 1 and 20000';
  end if;
  select f.geom into station from public.features f
  where f.id = sources_in_control_zone.station_id and f.kind = 'station';
  if station is null then
    return null;
  end if;
  -- One degree of latitude is at least 110 574 m, so these boxes always cover the circle.
  dlat := radius_m / 110000.0;
  dlon := radius_m / (110000.0 * cos(radians(least(89.0, abs(extensions.st_y(station)) + dlat))));
  box := extensions.st_expand(station, dlon, dlat);

  with hits as (
    select f.id, f.kind, f.name, f.geom,
      extensions.st_distance(f.geom::extensions.geography, station::extensions.geography) as distance_m
    from public.features f
    where f.geom operator(extensions.&&) box
      and f.kind = any (sources)
      and extensions.st_dwithin(f.geom::extensions.geography, station::extensions.geography, radius_m)
  ),
  listed as (
    select * from hits order by distance_m, id limit max_listed
  )
  select jsonb_build_object(
    'type', 'FeatureCollection',
    'station_id', sources_in_control_zone.station_id,
    'radius_m', radius_m,
    'total', (select count(*) from hits),
    'counts', coalesce((select jsonb_object_agg(kind, n) from (select kind, count(*) n from hits group by kind) c), '{}'::jsonb),
    'truncated', (select count(*) from hits) > max_listed,
    'features', coalesce((
      select jsonb_agg(jsonb_build_object(
        'type', 'Feature',
        'id', l.id,
        'geometry', extensions.st_asgeojson(extensions.st_pointonsurface(l.geom), 6)::jsonb,
        'properties', jsonb_build_object('id', l.id, 'kind', l.kind, 'name', l.name, 'distance_m', round(l.distance_m::numeric, 1))
      ) order by l.distance_m, l.id)
      from listed l
    ), '[]'::jsonb)
  ) into result;
  return result;
end;
$$;

revoke execute on function
  public.features_in_view(double precision, double precision, double precision, double precision, text[]),
  public.feature_detail(text),
  public.task_features(text),
  public.search_features(text),
  public.sources_in_control_zone(text, int)
from anon, public;
grant execute on function
  public.features_in_view(double precision, double precision, double precision, double precision, text[]),
  public.feature_detail(text),
  public.task_features(text),
  public.search_features(text),
  public.sources_in_control_zone(text, int)
to authenticated, service_role;
