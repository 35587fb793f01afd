-- enable_postgis: PostGIS in the `extensions` schema, as Supabase recommends. Every geometry
-- column and function call in later migrations is schema-qualified (extensions.*) so that
-- functions can run with `set search_path = ''`.
create extension if not exists postgis with schema extensions;
