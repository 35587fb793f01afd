import { describe, expect, it } from 'vitest';
import { parseHash, routeHash } from './hash-route';

describe('hash routes', () => {
  it('reads and writes every kind of permalink', () => {
    for (const route of [
      { kind: 'feature', id: 'station-1324A' },
      { kind: 'task', id: 'task-huiji-2017-air-11' },
      { kind: 'item', id: '00134c5e-1ec7-416a-9ab0-f77ba2983c97' },
      { kind: 'items' },
      { kind: 'ledger' },
      { kind: 'import' },
      { kind: 'units' },
      null,
    ] as const) {
      expect(parseHash(routeHash(route))).toEqual(route);
    }
  });
  it('ignores what names nothing', () => {
    expect(parseHash('#/item/')).toBeNull();
    expect(parseHash('#/items/x')).toBeNull();
    expect(parseHash('#/feature/%E0%A4%A')).toBeNull();
  });
});
