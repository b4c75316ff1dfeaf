/** A moment as the operator's browser shows it (date and time; operators need the time, e.g. after a simulation). */
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** The date alone, for tables with several dates a row; the full moment goes in the cell's title. */
export const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString() : '—');
