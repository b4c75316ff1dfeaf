import type { ReactNode } from 'react';
import { Logo } from '../components/Logo';

/** The frame of the signed-out pages: brand, heading, one card. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth__brand">
        <Logo />
      </div>
      <section className="card auth__card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        <p className="muted">{subtitle}</p>
        {children}
      </section>
    </main>
  );
}
