import { useCallback, useEffect, useState } from 'react';
import { readSessionToken } from '../session/session-token.js';
import { ApiError, apiJson, apiText } from './api-client.js';

export type Load<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly data: T }
  | { readonly status: 'error'; readonly error: ApiError };

interface CacheEntry<T = unknown> {
  readonly promise: Promise<T>;
  readonly storedAtMs: number;
  value?: T;
  error?: ApiError;
}

/** 30 s: moving between pages reuses answers; a page opened later asks again. */
const cacheLifetimeMs = 30_000;
const cache = new Map<string, CacheEntry>();

function cacheKey(path: string, kind: 'json' | 'text'): string {
  return `${readSessionToken() ?? ''} ${kind} ${path}`;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'CLIENT', (error as Error).message ?? String(error), {});
}

/** One GET, shared by every component that asks for the same path at the same time. */
export function fetchCached<T>(path: string, kind: 'json' | 'text' = 'json'): CacheEntry<T> {
  const key = cacheKey(path, kind);
  const existing = cache.get(key);
  if (existing && Date.now() - existing.storedAtMs < cacheLifetimeMs && existing.error === undefined) return existing as CacheEntry<T>;
  const promise = kind === 'json' ? apiJson<T>(path) : (apiText(path) as Promise<T>);
  const entry: CacheEntry<T> = { promise, storedAtMs: Date.now() };
  promise.then(
    (value) => {
      entry.value = value;
    },
    (error: unknown) => {
      entry.error = asApiError(error);
    },
  );
  cache.set(key, entry as CacheEntry);
  return entry;
}

/** Forget cached answers whose path starts with `prefix` (after a change: an upload, an issued invoice). */
export function invalidateApi(prefix = ''): void {
  for (const key of cache.keys()) if (key.split(' ').slice(2).join(' ').startsWith(prefix)) cache.delete(key);
}

function initialLoad<T>(path: string | null, kind: 'json' | 'text'): Load<T> {
  if (path === null) return { status: 'loading' };
  const entry = cache.get(cacheKey(path, kind));
  if (entry && entry.value !== undefined && Date.now() - entry.storedAtMs < cacheLifetimeMs) return { status: 'ok', data: entry.value as T };
  return { status: 'loading' };
}

/**
 * The answer of a GET as a state: loading, ok with data, or error (an ApiError; its
 * `isMissingRoute` says the server has no such route yet). `null` waits.
 */
export function useApi<T>(path: string | null, kind: 'json' | 'text' = 'json'): Load<T> & { reload: () => void } {
  const [state, setState] = useState<{ key: string | null; load: Load<T> }>(() => ({ key: path, load: initialLoad<T>(path, kind) }));
  const [generation, setGeneration] = useState(0);
  const current = state.key === path ? state.load : initialLoad<T>(path, kind);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    const entry = fetchCached<T>(path, kind);
    if (entry.value !== undefined) setState({ key: path, load: { status: 'ok', data: entry.value as T } });
    else setState({ key: path, load: { status: 'loading' } });
    entry.promise.then(
      (data) => live && setState({ key: path, load: { status: 'ok', data } }),
      (error: unknown) => live && setState({ key: path, load: { status: 'error', error: asApiError(error) } }),
    );
    return () => {
      live = false;
    };
  }, [path, kind, generation]);

  const reload = useCallback(() => {
    if (path !== null) invalidateApi(path);
    setGeneration((g) => g + 1);
  }, [path]);
  return { ...current, reload };
}
