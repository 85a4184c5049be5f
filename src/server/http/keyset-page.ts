/**
 * Keyset pages: a list reads one row more than the page size, and that extra row's presence is what says
 * a next page exists. Its cursor points after the last row shown.
 */
export function keysetPage<R>(
  rows: readonly R[],
  limit: number,
  cursorAfter: (last: R) => string,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last !== undefined ? cursorAfter(last) : null };
}
