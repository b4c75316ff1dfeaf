export function Logo() {
  return (
    <span className="logo">
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24">
        <path d="M3 17l5-6 4 4 8-10" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="logo__text">TradeNova</span>
    </span>
  );
}
