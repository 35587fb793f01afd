-- narrow_ledger_policies: the role model on the ledger tables. Members (a row in memberships)
-- read the administrative frame, units and plans. Planners, command and unlimited viewers read
-- every feature and task; a limited viewer those of its district; a township the features
-- located in it or dispatched to it, and the tasks it holds an item of (directly or through a
-- group such as 各镇（街道）). Only planners write features, plans, tasks, units and links.
-- anon gets nothing: no grants at all, so it is refused rather than shown an empty map.

drop policy "signed-in users read districts" on public.districts;
drop policy "signed-in users read townships" on public.townships;
drop policy "signed-in users read units" on public.units;
drop policy "signed-in users read features" on public.features;
drop policy "signed-in users read plans" on public.plans;
drop policy "signed-in users read tasks" on public.tasks;
drop policy "signed-in users read task units" on public.task_units;
drop policy "signed-in users read feature tasks" on public.feature_tasks;

create policy "members read districts" on public.districts
  for select to authenticated using ((select private.my_role()) is not null);
create policy "members read townships" on public.townships
  for select to authenticated using ((select private.my_role()) is not null);
create policy "members read units" on public.units
  for select to authenticated using ((select private.my_role()) is not null);
create policy "members read plans" on public.plans
  for select to authenticated using ((select private.my_role()) is not null);

create policy "members read the features in their reach" on public.features
  for select to authenticated
  using (
    (select private.reads_all())
    or district_code = (select private.viewer_district())
    or township_code = (select private.my_township())
    -- An uncorrelated IN is hashed once per query; a correlated EXISTS would probe per row.
    or id in (
      select i.feature_id from public.work_items i where i.township_code = (select private.my_township())
    )
  );

create policy "members read the tasks in their reach" on public.tasks
  for select to authenticated
  using (
    (select private.reads_all())
    or exists (
      select 1 from public.plans p
      where p.id = tasks.plan_id and p.district_code = (select private.viewer_district())
    )
    or id in (
      select i.task_id from public.work_items i where i.township_code = (select private.my_township())
    )
  );

create policy "members read the units of tasks in their reach" on public.task_units
  for select to authenticated
  using (exists (select 1 from public.tasks t where t.id = task_id));

create policy "members read links between features and tasks in their reach" on public.feature_tasks
  for select to authenticated
  using (
    exists (select 1 from public.tasks t where t.id = task_id)
    and exists (select 1 from public.features f where f.id = feature_id)
  );

-- Planners write the ledger: one policy per table and operation.
create policy "planners add units" on public.units
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners change units" on public.units
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');
create policy "planners remove units" on public.units
  for delete to authenticated using ((select private.my_role()) = 'planner');

create policy "planners add features" on public.features
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners change features" on public.features
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');
create policy "planners remove features" on public.features
  for delete to authenticated using ((select private.my_role()) = 'planner');

create policy "planners add plans" on public.plans
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners change plans" on public.plans
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');
create policy "planners remove plans" on public.plans
  for delete to authenticated using ((select private.my_role()) = 'planner');

create policy "planners add tasks" on public.tasks
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners change tasks" on public.tasks
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');
create policy "planners remove tasks" on public.tasks
  for delete to authenticated using ((select private.my_role()) = 'planner');

create policy "planners assign units to tasks" on public.task_units
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners change task units" on public.task_units
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');
create policy "planners remove task units" on public.task_units
  for delete to authenticated using ((select private.my_role()) = 'planner');

create policy "planners link features to tasks" on public.feature_tasks
  for insert to authenticated with check ((select private.my_role()) = 'planner');
create policy "planners change feature links" on public.feature_tasks
  for update to authenticated
  using ((select private.my_role()) = 'planner') with check ((select private.my_role()) = 'planner');
create policy "planners unlink features from tasks" on public.feature_tasks
  for delete to authenticated using ((select private.my_role()) = 'planner');

revoke all on
  public.districts, public.townships, public.units, public.features,
  public.plans, public.tasks, public.task_units, public.feature_tasks
from anon;
-- Districts and townships are reference data, changed by migrations only.
grant insert, update, delete on
  public.units, public.features, public.plans, public.tasks, public.task_units, public.feature_tasks
to authenticated;
