// The rows of township A (古荥镇) that the RLS and API matrices start every cell from: a feature
// and a station located in A (inside 惠济区's boundary, so its plans' tasks may link them), a plan with a task that A holds an item of, an event on that item
// with evidence, a second township user, a unit with an alias and a merge into it (of a unit that
// held nothing), a client submission of A's user.
import { TOWNSHIP_A } from './actors';

export const ITEM = '00000000-0000-4000-a000-000000000001';
export const EVENT = '00000000-0000-4000-a000-0000000000e1';
export const EVIDENCE = '00000000-0000-4000-a000-0000000000f1';
export const OTHER_USER = '00000000-0000-4000-8000-0000000000aa';
export const NEW_USER = '00000000-0000-4000-8000-0000000000ab';
export const A_USER = `00000000-0000-4000-8000-000${TOWNSHIP_A}`;
export const MERGE = 9001;

/** Rows of township A (古荥镇) that every cell starts from, written by the owner. */
export const FIXTURE = `
  insert into auth.users (id, email) values ('${OTHER_USER}', 'rls-a@tuzhang.test'), ('${NEW_USER}', 'rls-b@tuzhang.test');
  insert into public.memberships (user_id, role, display_name, township_code, district_code)
    values ('${OTHER_USER}', 'township', 'RLS', '${TOWNSHIP_A}', '410108');
  insert into public.units (id, name, district_code) values ('unit-410108-rls', 'RLS测试单位', '410108');
  insert into public.unit_aliases (district_code, alias_name, unit_id) values ('410108', 'RLS旧名', 'unit-410108-rls');
  insert into public.unit_merges (id, district_code, unit_id, unit_row, into_unit_id) overriding system value
    values (${MERGE}, '410108', 'unit-410108-rlsm',
            '{"id": "unit-410108-rlsm", "name": "RLS并入单位", "kind": "department", "district_code": "410108", "version": 1}',
            'unit-410108-rls');
  insert into public.unit_aliases (district_code, alias_name, unit_id) values ('410108', 'RLS并入单位', 'unit-410108-rls');
  insert into public.features (id, kind, name, geom, district_code, township_code)
    values ('enterprise-RLS1', 'enterprise', 'RLS测试企业',
            extensions.st_setsrid(extensions.st_makepoint(113.6, 34.85), 4326), '410108', '${TOWNSHIP_A}'),
           ('station-RLS9', 'station', 'RLS测试站',
            extensions.st_setsrid(extensions.st_makepoint(113.6005, 34.8505), 4326), '410108', '${TOWNSHIP_A}');
  insert into public.plans (id, title, district_code, year) values ('plan-rls-test', 'RLS测试方案', '410108', 2026);
  insert into public.tasks (id, plan_id, number, title) values ('task-rls-1', 'plan-rls-test', 'R1', 'RLS测试任务');
  insert into public.task_units (task_id, unit_id, role, name_as_printed)
    values ('task-rls-1', 'unit-410108-003', 'lead', '区环保局');
  insert into public.feature_tasks (feature_id, task_id) values ('enterprise-RLS1', 'task-rls-1');
  insert into public.work_items (id, task_id, township_code) values ('${ITEM}', 'task-rls-1', '${TOWNSHIP_A}');
  insert into public.work_item_events (id, item_id, action, base_version) values ('${EVENT}', '${ITEM}', 'start', 1);
  insert into public.evidence (id, event_id, item_id, file_name, mime_type, size_bytes, content)
    values ('${EVIDENCE}', '${EVENT}', '${ITEM}', 'a.txt', 'text/plain', 1, 'x');
  insert into public.client_submissions (user_id, client_id, fn, result)
    values ('${A_USER}', '00000000-0000-4000-a000-0000000000c1', 'act_on_item', '{}');
`;
