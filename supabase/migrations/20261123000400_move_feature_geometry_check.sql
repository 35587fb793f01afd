-- move_feature_geometry_check: PostGIS reads the geometry type that geometry_columns reports
-- (and QGIS and other clients trust) from any check constraint containing `geometrytype(...) =`,
-- so features_geometry_kind made features.geom look like a POINT (or worse) column. The same
-- rule now lives in an immutable function, and geometry_columns says GEOMETRY.

create function private.geometry_fits_kind(kind text, geom extensions.geometry) returns boolean
language sql immutable
set search_path = ''
as $$
  select case
    when kind = any (private.area_kinds())
      then extensions.geometrytype(geom) in ('POLYGON', 'MULTIPOLYGON')
    else extensions.geometrytype(geom) = 'POINT'
  end
$$;
revoke execute on function private.geometry_fits_kind(text, extensions.geometry) from public, anon;
grant execute on function private.geometry_fits_kind(text, extensions.geometry) to authenticated, service_role;

alter table public.features drop constraint features_geometry_kind;
alter table public.features
  add constraint features_geometry_kind check (private.geometry_fits_kind(kind, geom));
