// Text rules shared with the database's check constraints.

/**
 * Spaces trimmed from both ends, as PostgreSQL's btrim(text) does in the check constraint: a tab
 * or an ideographic space (U+3000) is a character there, so it is one here too.
 */
export function btrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}
