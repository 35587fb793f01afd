-- create_ledger_tables: the map ledger. Districts and townships (administrative frame), units
-- (departments, townships, groups as printed in plans), features on the map, plans and their
-- tasks, task-unit assignments by role, and feature-task links.
-- RLS is on for every table from the start; this migration grants reading to signed-in users
-- (role authenticated) only. Writing policies and the role model come with memberships.

create table public.districts (
  code text primary key check (code ~ '^[0-9]{6}$'),
  name text not null check (length(btrim(name)) > 0),
  geom extensions.geometry(multipolygon, 4326) not null
);
comment on table public.districts is 'County-level areas (区/市) a plan can govern; 6-digit administrative code.';
create index districts_geom_idx on public.districts using gist (geom);

create table public.townships (
  code text primary key check (code ~ '^[0-9]{9}$'),
  name text not null check (length(btrim(name)) > 0),
  district_code text not null references public.districts (code)
);
comment on table public.townships is 'Townships and streets (镇/乡/街道) by 9-digit statistical code; no official boundary is held.';
create index townships_district_code_idx on public.townships (district_code);

create table public.units (
  id text primary key check (id ~ '^unit-[a-z0-9-]+$'),
  name text not null check (length(btrim(name)) > 0),
  kind text not null default 'department'
    check (kind in ('department', 'township', 'group', 'village', 'enterprise', 'other')),
  district_code text references public.districts (code),
  township_code text references public.townships (code),
  unique (district_code, name)
);
comment on table public.units is 'Responsible units as named in plans: departments, townships, groups such as 各镇（街道）.';
create index units_township_code_idx on public.units (township_code);

create table public.features (
  id text primary key check (id ~ '^[a-z_]+-[A-Za-z0-9_-]+$'),
  kind text not null check (kind in (
    'station', 'truck_restriction', 'coal_ban_zone', 'sewage_outlet', 'mine',
    'enterprise', 'construction_site', 'restaurant', 'coal_yard', 'bare_soil'
  )),
  name text not null check (length(btrim(name)) between 1 and 200),
  geom extensions.geometry(geometry, 4326) not null,
  district_code text not null references public.districts (code),
  township_code text references public.townships (code),
  unit_id text references public.units (id),
  properties jsonb not null default '{}'::jsonb check (jsonb_typeof(properties) = 'object'),
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Mirrors src/domain/feature/feature-validation.ts (reason codes in the constraint names).
  constraint features_geometry_kind check (
    case
      when kind in ('truck_restriction', 'coal_ban_zone', 'mine')
        then extensions.geometrytype(geom) in ('POLYGON', 'MULTIPOLYGON')
      else extensions.geometrytype(geom) = 'POINT'
    end
  ),
  constraint features_geometry_valid check (extensions.st_isvalid(geom) and not extensions.st_isempty(geom)),
  constraint features_geometry_in_range check (
    extensions.st_xmin(geom) >= -180 and extensions.st_xmax(geom) <= 180
    and extensions.st_ymin(geom) >= -90 and extensions.st_ymax(geom) <= 90
  )
);
comment on table public.features is 'Everything on the map: stations, zones, outlets, mines and pollution sources (WGS84). Control zones are derived from stations, never stored.';
create index features_geom_idx on public.features using gist (geom);
create index features_kind_idx on public.features (kind);
create index features_township_code_idx on public.features (township_code);
create index features_unit_id_idx on public.features (unit_id);
create index features_district_code_idx on public.features (district_code);

create table public.plans (
  id text primary key check (id ~ '^plan-[a-z0-9-]+$'),
  title text not null check (length(btrim(title)) > 0),
  doc_number text unique,
  issuer text,
  issued_on date,
  region text,
  district_code text references public.districts (code),
  year int check (year between 1990 and 2100),
  period_start date,
  period_end date,
  check (period_end is null or period_start is null or period_end >= period_start)
);
comment on table public.plans is 'Plan documents (方案) with 文号, issuer and campaign period.';
create index plans_district_code_idx on public.plans (district_code);

create table public.tasks (
  id text primary key check (id ~ '^task-[a-z0-9-]+$'),
  plan_id text not null references public.plans (id) on delete cascade,
  number text not null,
  title text not null check (length(btrim(title)) > 0),
  section text,
  deadlines date[] not null default '{}',
  status text not null default 'not_started'
    check (status in ('not_started', 'in_progress', 'done', 'closed')),
  sort_order int not null default 0,
  unique (plan_id, number)
);
comment on table public.tasks is 'Numbered tasks of a plan; deadlines are the one-off dates the task states.';
create index tasks_plan_id_idx on public.tasks (plan_id);

create table public.task_units (
  task_id text not null references public.tasks (id) on delete cascade,
  unit_id text not null references public.units (id),
  role text not null check (role in ('lead', 'cooperating', 'responsible')),
  scope text not null default '',
  name_as_printed text not null,
  sort_order int not null default 0,
  primary key (task_id, role, scope, unit_id)
);
comment on table public.task_units is 'Who does a task: 牵头单位 (lead), 配合单位 (cooperating), 责任单位 (responsible); scope names the sub-items, empty for the whole task.';
create index task_units_unit_id_idx on public.task_units (unit_id);

create table public.feature_tasks (
  feature_id text not null references public.features (id) on delete cascade,
  task_id text not null references public.tasks (id) on delete cascade,
  note text,
  primary key (feature_id, task_id)
);
comment on table public.feature_tasks is 'Which map features a task concerns (挂图作战).';
create index feature_tasks_task_id_idx on public.feature_tasks (task_id);

alter table public.districts enable row level security;
alter table public.townships enable row level security;
alter table public.units enable row level security;
alter table public.features enable row level security;
alter table public.plans enable row level security;
alter table public.tasks enable row level security;
alter table public.task_units enable row level security;
alter table public.feature_tasks enable row level security;

-- Every signed-in user (role authenticated) reads everything until the role model lands. The
-- policies are deliberately `using (true)`: PostGIS operators such as && are not leakproof, so
-- any row-dependent or function-calling policy qual stops the planner from using the GIST index
-- for a caller's bounding box (measured: a sequential scan of every feature instead of an index
-- scan). Narrower policies must keep spatial filtering on an index-friendly path.
create policy "signed-in users read districts" on public.districts
  for select to authenticated using (true);
create policy "signed-in users read townships" on public.townships
  for select to authenticated using (true);
create policy "signed-in users read units" on public.units
  for select to authenticated using (true);
create policy "signed-in users read features" on public.features
  for select to authenticated using (true);
create policy "signed-in users read plans" on public.plans
  for select to authenticated using (true);
create policy "signed-in users read tasks" on public.tasks
  for select to authenticated using (true);
create policy "signed-in users read task units" on public.task_units
  for select to authenticated using (true);
create policy "signed-in users read feature tasks" on public.feature_tasks
  for select to authenticated using (true);

-- Reads go through RLS; until the role model lands no client role writes.
revoke insert, update, delete, truncate on
  public.districts, public.townships, public.units, public.features,
  public.plans, public.tasks, public.task_units, public.feature_tasks
from anon, authenticated;
