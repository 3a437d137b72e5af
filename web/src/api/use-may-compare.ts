import { useEffect, useState } from 'react';
import { readSessionToken } from '../session/session-token.js';
import { ApiError, apiJson } from './api-client.js';

/** Whether this token may compare proposals: `yes`, `no` (with the reason), or `unknown` while asking. */
export type MayCompare = { readonly status: 'unknown' } | { readonly status: 'yes' } | { readonly status: 'no'; readonly error: ApiError };

/** One answer per token, for as long as the page lives: a token's role does not change. */
const answers = new Map<string, Promise<MayCompare>>();

/** Asks the server what this token may do (`GET /session` lists its permissions from the server's own rule table). */
async function askServer(): Promise<MayCompare> {
  try {
    const session = await apiJson<{ role: string; permissions: string[] }>('/session');
    if (session.permissions.includes('compare:run')) return { status: 'yes' };
    return { status: 'no', error: new ApiError(403, 'FORBIDDEN', `A ${session.role} token may not compare proposals: that is the client administrator's work.`, {}) };
  } catch (error) {
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
