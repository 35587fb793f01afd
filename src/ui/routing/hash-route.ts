// Permalinks: #/feature/<id> opens a feature with its panel, #/task/<id> highlights a task's
// features, #/items lists the caller's work items (我的任务), #/item/<id> opens one of them,
// #/ledger is the table of all tasks (台账), #/import turns a plan document into tasks, #/units
// is the unit registry (单位管理).
export type Route =
  | { kind: 'feature'; id: string }
  | { kind: 'task'; id: string }
  | { kind: 'item'; id: string }
  | { kind: 'items' }
  | { kind: 'ledger' }
  | { kind: 'import' }
  | { kind: 'units' }
  | null;

const PAGES = ['items', 'ledger', 'import', 'units'] as const;

export function parseHash(hash: string): Route {
  const page = PAGES.find((p) => hash === `#/${p}`);
  if (page) return { kind: page };
  const match = /^#\/(feature|task|item)\/(.+)$/.exec(hash);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[2]!).trim();
  } catch {
    return null; // malformed escape: treat as no route
  }
  return id ? { kind: match[1] as 'feature' | 'task' | 'item', id } : null;
}

export function routeHash(route: Route): string {
  if (!route) return '#/';
  return 'id' in route ? `#/${route.kind}/${encodeURIComponent(route.id)}` : `#/${route.kind}`;
}
