import { pageCount } from './query';

/** "Showing 26–50 of 120" with previous / next. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = pageCount(total, pageSize);
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label="Pages">
      <span className="muted" data-testid="pager-summary">
        {total === 0 ? 'Nothing to show' : `Showing ${first}–${last} of ${total}`}
      </span>
      <span className="pager__buttons">
        <button type="button" className="button button--ghost button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <span className="muted">
          Page {Math.min(page, pages)} of {pages}
        </span>
        <button type="button" className="button button--ghost button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </span>
    </nav>
  );
}
