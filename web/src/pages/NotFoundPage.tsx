import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="panel panel--status">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link to="/portfolio" className="button button--primary">
        Go to your portfolio
      </Link>
    </section>
  );
}
