import { describe, expect, it } from 'vitest';
import { PAGE_MAX, readPages } from './paging';

/** A list of `n` rows served as the SQL functions do: counts over all, at most PAGE_MAX a call. */
function server(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ id: `r${i}` }));
  const calls: [number, number][] = [];
  const page = (offset: number, limit: number) => {
    calls.push([offset, limit]);
    return Promise.resolve({
      total: rows.length,
      items: rows.slice(offset, offset + Math.min(limit, PAGE_MAX)),
    });
  };
  return { rows, calls, page };
}

describe('readPages', () => {
  it('reads one page when it holds what is wanted', async () => {
    const s = server(900);
    const list = await readPages('items', 500, s.page);
    expect(list.items.map((r) => r.id)).toEqual(s.rows.slice(0, 500).map((r) => r.id));
    expect(list.total).toBe(900);
    expect(s.calls).toEqual([[0, 500]]);
  });

  it('reads every page of a list longer than one call answers', async () => {
    const s = server(4500);
    const list = await readPages('items', Infinity, s.page);
    expect(list.items).toHaveLength(4500);
    expect(new Set(list.items.map((r) => r.id)).size).toBe(4500);
    expect(s.calls).toEqual([
      [0, 2000],
      [2000, 2000],
      [4000, 2000],
    ]);
  });

  it('stops at the number wanted across pages', async () => {
    const s = server(4500);
    const list = await readPages('items', 2500, s.page);
    expect(list.items).toHaveLength(2500);
    expect(s.calls).toEqual([
      [0, 2000],
      [2000, 500],
    ]);
  });

  it('asks for counts only when no row is wanted', async () => {
    const s = server(10);
    expect(await readPages('items', 0, s.page)).toEqual({ total: 10, items: [] });
    expect(s.calls).toEqual([[0, 0]]);
  });

  it('keeps a row once when a write pushed it into the next page, and stops when the list shrinks', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `r${i}` }));
    let calls = 0;
    const page = (offset: number, limit: number) => {
      // After the first page a new row lands at the front: r1999 now opens the second page.
      if (calls++ === 1) rows.unshift({ id: 'new' });
      return Promise.resolve({
        total: rows.length,
        items: rows.slice(offset, offset + Math.min(limit, PAGE_MAX)),
      });
    };
    const list = await readPages('items', Infinity, page);
    const ids = list.items.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('r2499');
    expect(ids.filter((id) => id === 'r1999')).toHaveLength(1);

    const shrinking = server(3000);
    const list2 = await readPages('items', Infinity, (offset, limit) =>
      offset === 0 ? shrinking.page(offset, limit) : Promise.resolve({ total: 100, items: [] }),
    );
    expect(list2.items).toHaveLength(2000);
  });
});
