// Calls an API function the way PostgREST does on Supabase: inside a transaction, as the
// request's role, with its JWT claims in `request.jwt.claims`, so RLS and auth.uid() behave the
// same on the embedded database, on plain PostgreSQL and on Supabase.
import { toBackendError } from '../backend';
import { rpcStatement, type RpcArgs, type RpcName, type RpcResult } from '../rpc';
import type { SqlSession } from '../schema';

export interface JwtClaims {
  sub: string;
  role: 'anon' | 'authenticated' | 'service_role';
  [claim: string]: unknown;
}

export async function callAsRole<N extends RpcName>(
  session: SqlSession,
  claims: JwtClaims,
  name: N,
  args: RpcArgs<N>,
): Promise<RpcResult<N>> {
  const { sql, params } = rpcStatement(name, args);
  await session.exec('begin');
  try {
    await session.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
      claims.role,
      JSON.stringify(claims),
    ]);
    const { rows } = await session.query<{ result: RpcResult<N> }>(sql, params);
    await session.exec('commit');
    return rows[0]!.result;
  } catch (error) {
    await session.exec('rollback');
    throw toBackendError(error);
  }
}
