-- tune_map_api_settings: planner settings for the map API functions, measured with npm run bench.
-- JIT (on by default in PostgreSQL 15) compiles these small, index-bound queries for longer than
-- they run: sources_in_control_zone at 100k sources took 172 ms with JIT and 47 ms without.
-- features_in_view aggregates up to a whole view of sources; with the default 4 MB of work_mem
-- its grouping spilled to disk at 100k. PGlite has no JIT; both settings are harmless there.
alter function public.features_in_view(double precision, double precision, double precision, double precision, text[])
  set jit = off;
alter function public.features_in_view(double precision, double precision, double precision, double precision, text[])
  set work_mem = '32MB';
alter function public.feature_detail(text) set jit = off;
alter function public.task_features(text) set jit = off;
alter function public.search_features(text) set jit = off;
alter function public.sources_in_control_zone(text, int) set jit = off;
