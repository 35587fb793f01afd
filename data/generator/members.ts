// Demo users and their memberships: one planner, one command user, one viewer limited to 惠济区,
// and one user per township. The embedded app's user switcher offers them; the database tests
// use the same users for the RLS matrix. Ids are fixed so links and tests can name them.
import type { TownshipRow } from './features';

export interface MemberRow {
  user_id: string;
  email: string;
  role: 'planner' | 'command' | 'township' | 'viewer';
  display_name: string;
  township_code: string | null;
  district_code: string | null;
}

const uuid = (n: string) => `00000000-0000-4000-8000-${n.padStart(12, '0')}`;

export const DEMO_PLANNER = uuid('1');
export const DEMO_COMMAND = uuid('2');
export const DEMO_VIEWER = uuid('3');
/** A township user's id spells the township's 9-digit code. */
export const townshipUserId = (code: string) => uuid(code);

export function buildMembers(townships: readonly TownshipRow[]): MemberRow[] {
  return [
    {
      user_id: DEMO_PLANNER,
      email: 'planner@tuzhang.test',
      role: 'planner',
      display_name: '区攻坚办（规划）',
      township_code: null,
      district_code: null,
    },
    {
      user_id: DEMO_COMMAND,
      email: 'command@tuzhang.test',
      role: 'command',
      display_name: '指挥中心（值班）',
      township_code: null,
      district_code: null,
    },
    {
      user_id: DEMO_VIEWER,
      email: 'viewer@tuzhang.test',
      role: 'viewer',
      display_name: '查看（惠济区）',
      township_code: null,
      district_code: '410108',
    },
    ...townships.map((t) => ({
      user_id: townshipUserId(t.code),
      email: `t${t.code}@tuzhang.test`,
      role: 'township' as const,
      display_name: t.name,
      township_code: t.code,
      district_code: t.district_code,
    })),
  ];
}
