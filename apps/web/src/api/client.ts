// Typed fetch client for /api/v1: same-origin cookie session, CSRF header on writes,
// Accept-Language on every call, RFC 9457 problems thrown as ApiError.
import type { Problem } from '@wushe/core';
import { getLang, tr } from '../i18n/index.tsx';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
  /** An extension member of the problem body (e.g. `candidates` of a possible duplicate). */
  ext<T>(name: string): T | undefined {
    return (this.problem as unknown as Record<string, unknown>)[name] as T | undefined;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type ErrorHook = (err: ApiError, path: string) => void;
let errorHook: ErrorHook | null = null;

/** The app shell registers one hook that turns 401/403 session problems into navigation. */
export function setErrorHook(hook: ErrorHook | null): void {
  errorHook = hook;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

function headers(method: string, json: boolean, csrf = csrfToken): Headers {
  const h = new Headers({ 'Accept-Language': getLang(), Accept: 'application/json' });
  if (json) h.set('Content-Type', 'application/json');
  if (method !== 'GET' && method !== 'HEAD' && csrf) h.set('X-CSRF-Token', csrf);
  return h;
}

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    body = (await res.json()) as Partial<Problem>;
  } catch {
    // not JSON (proxy error page and the like)
  }
  return new ApiError({
    // Extension members (RFC 9457 §3.2) travel along.
    ...body,
    type: body.type ?? 'about:blank',
    title: body.title ?? res.statusText,
    status: body.status ?? res.status,
    detail: body.detail ?? body.title ?? `HTTP ${res.status}`,
    code: body.code ?? `http.${res.status}`,
    errors: body.errors,
  });
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not run the session hook (login, and the boot-time /auth/me probe). */
  quiet?: boolean;
  /** A CSRF token other than the staff session's (a public account's writes). */
  csrf?: string;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const url = withQuery(API_BASE + path, opts.query);
  const hasBody = opts.body !== undefined;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: headers(method, hasBody, opts.csrf ?? csrfToken),
      body: hasBody ? JSON.stringify(opts.body) : undefined,
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: tr(getLang(), 'networkError'),
      code: 'network',
    });
  }
  if (!res.ok) {
    const err = await toError(res);
    if (!opts.quiet && errorHook) errorHook(err, path);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, quiet?: boolean) => request<T>('GET', path, { query, quiet }),
  post: <T>(path: string, body?: unknown, quiet?: boolean) => request<T>('POST', path, { body: body ?? {}, quiet }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Sends a file as the raw request body (imports). */
export async function uploadRaw<T>(path: string, query: Query, file: Blob, contentType?: string): Promise<T> {
  const h = headers('POST', false);
  h.set('Content-Type', contentType || file.type || 'application/octet-stream');
  let res: Response;
  try {
    res = await fetch(withQuery(API_BASE + path, query), { method: 'POST', credentials: 'same-origin', headers: h, body: file });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: tr(getLang(), 'networkError'),
      code: 'network',
    });
  }
  if (!res.ok) {
    const err = await toError(res);
    errorHook?.(err, path);
    throw err;
  }
  return (await res.json()) as T;
}

/** Downloads `path?…&format=xlsx` as a file, keeping the session hook and language. */
export async function downloadXlsx(path: string, query: Query, fallbackName: string): Promise<void> {
  return downloadFile(withQuery(path, { ...query, page: undefined, pageSize: undefined, format: 'xlsx' }), fallbackName);
}

/** Downloads any API path (with its query string) as a file; a POST carries a JSON body (e.g. an export's purpose). */
export async function downloadFile(pathWithQuery: string, fallbackName: string, post?: { body: unknown }): Promise<void> {
  const path = pathWithQuery;
  const url = API_BASE + pathWithQuery;
  const res = await fetch(
    url,
    post
      ? { method: 'POST', credentials: 'same-origin', headers: headers('POST', true), body: JSON.stringify(post.body) }
      : { credentials: 'same-origin', headers: headers('GET', false) },
  );
  if (!res.ok) {
    const err = await toError(res);
    errorHook?.(err, path);
    throw err;
  }
  const blob = await res.blob();
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  const name = star ? decodeURIComponent(star[1]!) : plain ? plain[1]! : fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
