// Lists the database answers a page at a time (ledger_tasks, work_items_list: at most PAGE_MAX rows
// a call, counts over every match), read as one list of as many rows as the caller wants.

/** The most rows one call answers; the SQL functions cap limit_n at the same number. */
export const PAGE_MAX = 2000;

type Paged<K extends string> = { total: number } & Record<K, { id: string }[]>;

/**
 * Reads pages of `rows` until `want` rows (Infinity: all) or the end of the list. Counts come from
 * the first page. A row that a write moved from one page into the next is kept once; asking for
 * 0 rows asks for the counts only.
 */
export async function readPages<K extends string, L extends Paged<K>>(
  rows: K,
  want: number,
  page: (offset: number, limit: number) => Promise<L>,
): Promise<L> {
  const first = await page(0, Math.min(want, PAGE_MAX));
  const all = [...first[rows]];
  const seen = new Set(all.map((r) => r.id));
  let offset = all.length;
  while (all.length < Math.min(want, first.total)) {
    const next = (await page(offset, Math.min(want - all.length, PAGE_MAX)))[rows];
    // The list shrank under us: what is left has been read.
    if (next.length === 0) break;
    offset += next.length;
    for (const r of next) {
      if (!seen.has(r.id)) {
        seen.add(r.id);
        all.push(r);
      }
    }
  }
  return { ...first, [rows]: all };
}
