import { useEffect, useState } from 'react';
import { readSessionToken } from '../session/session-token.js';
import { ApiError, apiRequest } from './api-client.js';

/** Whether this token may compare proposals: `yes`, `no` (with the server's refusal), or `unknown` while asking. */
export type MayCompare = { readonly status: 'unknown' } | { readonly status: 'yes' } | { readonly status: 'no'; readonly error: ApiError };

/** One answer per token, for as long as the page lives: roles do not change under a token. */
const answers = new Map<string, Promise<MayCompare>>();

/**
 * Asks the server itself rather than guessing from a role name: `POST /compare` with an empty
 * body. The access check runs before the body is read, so a token without `compare:run` gets
 * 403 and computes nothing; one with it gets 400 for the missing proposals, also computing
 * nothing. (The API has no route that names a token's role.)
 */
async function askServer(): Promise<MayCompare> {
  try {
    await apiRequest('/compare', { method: 'POST', body: {} });
    return { status: 'yes' };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return { status: 'yes' };
    return { status: 'no', error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error), {}) };
  }
}

export function useMayCompare(): MayCompare {
  const token = readSessionToken() ?? '';
  const [state, setState] = useState<{ token: string; answer: MayCompare }>({ token, answer: { status: 'unknown' } });
  useEffect(() => {
    let live = true;
    let answer = answers.get(token);
    if (!answer) {
      answer = askServer();
      answers.set(token, answer);
      // A failure to reach the server is not an answer: ask again next time.
      answer.then((a) => {
        if (a.status === 'no' && a.error.status !== 403) answers.delete(token);
      });
    }
    answer.then((a) => live && setState({ token, answer: a }));
    return () => {
      live = false;
    };
  }, [token]);
  return state.token === token ? state.answer : { status: 'unknown' };
}
