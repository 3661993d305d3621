import { useState } from 'react';
import { useT } from '../i18n/i18n';

/** Where a cursor-paged list stands: the cursor to ask with, the page number, and the moves. */
export interface CursorPages {
  cursor: string | null;
  page: number;
  back: () => void;
  forward: (nextCursor: string) => void;
}

/**
 * Pages of a list the API hands out by cursor. The cursors of the pages seen so far are kept, so
 * "previous" goes back exactly; a new search or filter (a new `filter` string) starts again from
 * the first page.
 */
export function useCursorPages(filter: string): CursorPages {
  const [paging, setPaging] = useState<{ filter: string; cursors: (string | null)[] }>({
    filter,
    cursors: [null],
  });
  const cursors = paging.filter === filter ? paging.cursors : [null];
  return {
    cursor: cursors.at(-1) ?? null,
    page: cursors.length,
    back: () => setPaging({ filter, cursors: cursors.slice(0, -1) }),
    forward: (nextCursor) => setPaging({ filter, cursors: [...cursors, nextCursor] }),
  };
}

/** Previous / page n / next under a paged list; `testId` marks the page number for tests. */
export function CursorPager(props: {
  pages: CursorPages;
  nextCursor: string | null;
  label: string;
  testId: string;
}) {
  const t = useT();
  const { pages, nextCursor } = props;
  return (
    <nav className="pager" aria-label={props.label}>
      <button type="button" disabled={pages.page === 1} onClick={pages.back}>
        ← {t('pager.previous')}
      </button>
      <span data-testid={props.testId}>{t('pager.page', { n: pages.page })}</span>
      <button
        type="button"
        disabled={nextCursor === null}
        onClick={() => nextCursor !== null && pages.forward(nextCursor)}
      >
        {t('pager.next')} →
      </button>
    </nav>
  );
}
