import type { ApiClient } from '../api/client';
import type { Catalog, JobDetail, JobKind, JobView } from './types';

const base = '/api/v1/backtests';

const submitPaths: Record<JobKind, string> = {
  backtest: base,
  comparison: `${base}/comparisons`,
  optimization: `${base}/optimizations`,
};

export const backtestApi = {
  catalog: (api: ApiClient) => api.request<Catalog>('GET', `${base}/catalog`),
  submit: (api: ApiClient, kind: JobKind, body: unknown) => api.request<JobView>('POST', submitPaths[kind], { body }),
  list: (api: ApiClient) => api.request<JobView[]>('GET', `${base}?limit=50`),
  get: (api: ApiClient, id: string) => api.request<JobDetail>('GET', `${base}/${id}`),
  cancel: (api: ApiClient, id: string) => api.request<JobView>('POST', `${base}/${id}/cancel`),
  remove: (api: ApiClient, id: string) => api.request<void>('DELETE', `${base}/${id}`),
  rerun: (api: ApiClient, id: string) => api.request<JobView>('POST', `${base}/${id}/rerun`),
  upload: (api: ApiClient, symbol: string, fileName: string, csv: string) =>
    api.request<{ symbol: string; bars: number; warnings: string[] }>('POST', `${base}/data`, { body: { symbol, fileName, csv } }),
};

/** Downloads an export with the bearer token (a plain link cannot send it) and saves it under its name. */
export async function downloadExport(token: string | null, id: string, which: 'trades' | 'equity'): Promise<void> {
  const response = await fetch(`${base}/${id}/${which}.csv`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`Export failed (HTTP ${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `backtest-${id}-${which}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}
