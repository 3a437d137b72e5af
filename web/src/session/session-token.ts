/** The API token lives in sessionStorage: entered once per tab, gone when the tab closes. */
const storageKey = 'supportpact.token';

type Listener = (token: string | undefined) => void;
const listeners = new Set<Listener>();

export function readSessionToken(): string | undefined {
  try {
    return sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    // Storage can be disabled (private modes, strict settings): the user signs in again per page load.
    return undefined;
  }
}

export function saveSessionToken(token: string | undefined): void {
  try {
    if (token === undefined) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, token);
  } catch {
    // See readSessionToken.
  }
  for (const listener of listeners) listener(token);
}

export function onSessionTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Why the user was sent back to the sign-in screen, shown there once. */
let signOutReason: string | undefined;

export function signOut(reason?: string): void {
  signOutReason = reason;
  saveSessionToken(undefined);
}

export function takeSignOutReason(): string | undefined {
  const reason = signOutReason;
  signOutReason = undefined;
  return reason;
}

/** Set by the sign-in screen, read once by the frame: focus then moves to the first page's content. */
let signedInJustNow = false;

export function markSignedIn(): void {
  signedInJustNow = true;
}

export function takeSignedIn(): boolean {
  const value = signedInJustNow;
  signedInJustNow = false;
  return value;
}
