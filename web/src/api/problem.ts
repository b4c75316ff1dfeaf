/** RFC 7807 ProblemDetails as the platform's services return them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[] | string>;
}

export type FieldErrors = Record<string, string[]>;

/** An HTTP failure in a shape the pages can show: one message plus per-field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldErrors;
  /** The problem's extension members (anything beyond RFC 7807's own and `errors`), e.g. Risk's `fields`. */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    status: number;
    message: string;
    type?: string | undefined;
    title?: string | undefined;
    detail?: string | undefined;
    fieldErrors?: FieldErrors;
    extensions?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.extensions = init.extensions ?? {};
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

const fallbackMessages: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with existing data.',
  429: 'Too many requests. Please wait a moment and try again.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'The service is unavailable. Please try again shortly.',
  503: 'The service is unavailable. Please try again shortly.',
  504: 'The service took too long to answer. Please try again.',
};

function fallbackMessage(status: number): string {
  return fallbackMessages[status] ?? `Request failed (HTTP ${status}).`;
}

/**
 * ASP.NET Core names fields as the C# property ("Password", "Email") or as a JSON path
 * ("$.password", "items[0].Symbol"); the forms use camelCase names.
 */
export function normalizeFieldName(name: string): string {
  const trimmed = name.replace(/^\$\.?/, '');
  if (trimmed === '') return '';
  return trimmed
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFieldErrors(raw: unknown): FieldErrors {
  if (!isRecord(raw)) return {};
  const result: FieldErrors = {};
  for (const [key, value] of Object.entries(raw)) {
    const messages = (Array.isArray(value) ? value : [value]).filter(
      (m): m is string => typeof m === 'string' && m.trim() !== '',
    );
    if (messages.length === 0) continue;
    const field = normalizeFieldName(key);
    result[field] = [...(result[field] ?? []), ...messages];
  }
  return result;
}

/** Maps a status and a parsed body (ProblemDetails or anything else) to an ApiError. */
export function problemToError(status: number, body: unknown): ApiError {
  if (!isRecord(body)) {
    return new ApiError({ status, message: fallbackMessage(status) });
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const title = str(body.title);
  const detail = str(body.detail);
  const fieldErrors = readFieldErrors(body.errors);
  const standard = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);
  const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !standard.has(key)));
  return new ApiError({
    status,
    type: str(body.type),
    title,
    detail,
    fieldErrors,
    extensions,
    // The detail is the specific explanation; the title is the generic one.
    message: detail ?? title ?? fallbackMessage(status),
  });
}

/** Reads a failed Response into an ApiError without ever throwing on an odd body. */
export async function responseToError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return problemToError(response.status, body);
}

/** A failure's field errors, one message per field, for a form that shows them beside its inputs. */
export function fieldMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.join(' ')]));
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    status: 0,
    message: 'Cannot reach TradeNova. Check your connection and try again.',
  });
  (error as { cause?: unknown }).cause = cause;
  return error;
}

/** The message a page shows for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
