/** A moment as the operator's browser shows it (date and time; operators need the time, e.g. after a simulation). */
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
