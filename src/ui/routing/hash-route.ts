// Permalinks: #/feature/<id> opens a feature with its panel, #/task/<id> highlights a task's features.
export type Route = { kind: 'feature'; id: string } | { kind: 'task'; id: string } | null;

export function parseHash(hash: string): Route {
  const match = /^#\/(feature|task)\/(.+)$/.exec(hash);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[2]!).trim();
  } catch {
    return null; // malformed escape: treat as no route
  }
  return id ? { kind: match[1] as 'feature' | 'task', id } : null;
}

export function routeHash(route: Route): string {
  return route ? `#/${route.kind}/${encodeURIComponent(route.id)}` : '#/';
}
