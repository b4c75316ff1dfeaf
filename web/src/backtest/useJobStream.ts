import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { TokenStore } from '../auth/tokenStore';
import { backtestApi } from './api';
import type { JobView } from './types';

const terminal = new Set(['succeeded', 'failed', 'cancelled']);

export function isTerminal(job: JobView | undefined): boolean {
  return !!job && terminal.has(job.status);
}

/** Splits a server-sent-events buffer into complete `data:` payloads and the unfinished rest. */
export function parseSse(buffer: string): { events: string[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks
    .map((block) =>
      block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n'),
    )
    .filter((data) => data.length > 0);
  return { events, rest };
}

/**
 * The job's live state, pushed by the service as server-sent events (GET /api/v1/backtests/{id}/events, read with
 * fetch so the bearer token goes along). If the stream cannot be opened it falls back to polling once a second.
 */
export function useJobStream(api: ApiClient, tokens: TokenStore, id: string, initial: JobView | undefined): JobView | undefined {
  const [job, setJob] = useState<JobView | undefined>(initial);

  useEffect(() => {
    setJob(initial);
  }, [initial]);

  useEffect(() => {
    if (!initial || isTerminal(initial)) return;
    const abort = new AbortController();
    let stopped = false;

    async function poll() {
      while (!stopped) {
        try {
          const detail = await backtestApi.get(api, id);
          setJob(detail.job);
          if (isTerminal(detail.job)) return;
        } catch {
          // keep trying; the page shows the last known state
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }

    async function stream() {
      try {
        const token = tokens.accessToken;
        const response = await fetch(`/api/v1/backtests/${id}/events`, {
          headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + value);
          buffer = parsed.rest;
          for (const data of parsed.events) {
            const next = JSON.parse(data) as JobView | null;
            if (next && next.id) setJob(next);
            if (next && isTerminal(next)) return;
          }
        }
        await poll();
      } catch (error) {
        if (!stopped) await poll();
        else if (!(error instanceof DOMException)) throw error;
      }
    }

    void stream();
    return () => {
      stopped = true;
      abort.abort();
    };
  }, [api, tokens, id, initial]);

  return job;
}
