-- create_districts_list: the districts and their townships, for choosing where an imported plan
-- applies, filtering by township and dispatching (交办). Reference data every member reads.

create function public.districts_list() returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'code', d.code,
    'name', d.name,
    'townships', coalesce((
      select jsonb_agg(jsonb_build_object('code', t.code, 'name', t.name) order by t.code)
      from public.townships t where t.district_code = d.code
    ), '[]'::jsonb)
  ) order by d.code), '[]'::jsonb)
  from public.districts d
$$;
revoke execute on function public.districts_list() from anon, public;
grant execute on function public.districts_list() to authenticated, service_role;
