-- filter_map_boxes_before_rls: the read policies on features now depend on the caller's
-- membership, and PostgreSQL applies a policy before any non-leakproof condition of the query,
-- such as PostGIS's && (measured: a sequential scan of every feature for a signed-in user). So
-- the box queries first take candidate ids from the GIST index in a security definer function,
-- then read those rows through RLS by primary key (text equality is leakproof). The ids travel
-- as an array: as a join, the planner charged each primary-key probe the policy's subplan and
-- chose a sequential scan. What a caller
-- sees is still decided by the policies alone; the candidate function only names ids in a box.

create function private.feature_ids_in_box(box extensions.geometry, kinds text[]) returns table (id text)
language sql stable security definer
set search_path = ''
rows 100
as $$
  select f.id from public.features f
  where f.geom operator(extensions.&&) box and (kinds is null or f.kind = any (kinds))
$$;
revoke execute on function private.feature_ids_in_box(extensions.geometry, text[]) from public, anon;
grant execute on function private.feature_ids_in_box(extensions.geometry, text[]) to authenticated, service_role;

create or replace function public.features_in_view(
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
  -- Ids of the features in the box, from the spatial index (see the header).
  candidates text[];
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
  candidates := array(select c.id from private.feature_ids_in_box(env, kinds) c);

  select count(*) into in_view
  from (
    select 1 from public.features f
    where f.id = any (candidates)
    limit max_features + 1
  ) probe;

  if in_view <= max_features then
    select jsonb_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(jsonb_agg(private.feature_json(f) order by f.kind, f.id), '[]'::jsonb),
      'counts', coalesce((
        select jsonb_object_agg(c.kind, c.n) from (
          select f2.kind, count(*) n from public.features f2
          where f2.id = any (candidates)
          group by f2.kind
        ) c), '{}'::jsonb),
      'aggregated', false,
      'max_features', max_features
    ) into result
    from public.features f
    where f.id = any (candidates);
  else
    cell := greatest(extensions.st_xmax(env) - extensions.st_xmin(env), extensions.st_ymax(env) - extensions.st_ymin(env)) / grid_cells;
    with individual as (
      select f.* from public.features f
      where f.id = any (candidates)
        and not f.kind = any (point_sources)
      order by f.kind, f.id
      limit max_features
    ),
    clusters as (
      select f.kind, count(*) as n,
        avg(extensions.st_x(f.geom)) as x, avg(extensions.st_y(f.geom)) as y,
        min(f.id) as first_id
      from public.features f
      where f.id = any (candidates)
        and f.kind = any (point_sources)
      group by f.kind, floor(extensions.st_x(f.geom) / cell)::int, floor(extensions.st_y(f.geom) / cell)::int
    ),
    counts as (
      select kind, sum(n) as n from (
        select kind, n from clusters
        union all
        select f.kind, count(*) from public.features f
        where f.id = any (candidates)
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
        where s.id = any (array(
          select c.id from private.feature_ids_in_box(extensions.st_expand(env, 0.02), array['station']) c))
      ), '[]'::jsonb)
    ));
  end if;
  return result;
end;
$$;

create or replace function public.sources_in_control_zone(station_id text, radius_m int default 1000) returns jsonb
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
    where f.id = any (array(select c.id from private.feature_ids_in_box(box, sources) c))
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

-- create or replace resets a function's settings; keep those of tune_map_api_settings.
alter function public.features_in_view(double precision, double precision, double precision, double precision, text[])
  set jit = off;
alter function public.features_in_view(double precision, double precision, double precision, double precision, text[])
  set work_mem = '32MB';
alter function public.sources_in_control_zone(text, int) set jit = off;
