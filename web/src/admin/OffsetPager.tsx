/** Previous / next over a list the API pages by offset with no total (a page asks for one row more than it shows, and
 * that extra row says whether there is a next page). Hidden while everything fits on the first page. */
export function OffsetPager({
  label,
  rangeTestId,
  offset,
  shown,
  pageSize,
  hasNext,
  busy,
  onOffset,
}: {
  label: string;
  rangeTestId: string;
  offset: number;
  shown: number;
  pageSize: number;
  hasNext: boolean;
  busy: boolean;
  onOffset: (offset: number) => void;
}) {
  if (offset === 0 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={label}>
      <span className="muted" data-testid={rangeTestId}>
        {shown > 0 ? `Showing ${offset + 1}–${offset + shown}` : 'Nothing on this page'}
      </span>
      <span className="pager__buttons">
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={offset === 0 || busy}
          onClick={() => onOffset(Math.max(0, offset - pageSize))}
        >
          Previous
        </button>
        <button type="button" className="button button--ghost button--small" disabled={!hasNext || busy} onClick={() => onOffset(offset + pageSize)}>
          Next
        </button>
      </span>
    </nav>
  );
}
