// The embedded widget's session: a bearer token kept in the host page's sessionStorage, under a key named for the
// portal, so that a reload of the page keeps the user signed in and a closed tab forgets them.
import { portalOrigin } from '../app/environment.js';

export type TokenGrant = { token: string; expiresAt: string };

const storageKey = () => `portico-widget:${portalOrigin()}:session`;

function storage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    // A sandboxed host page: the session lasts as long as the page.
    return undefined;
  }
}

let held: TokenGrant | undefined;

/** The token while it has not expired. */
export function currentToken(): TokenGrant | undefined {
  if (!held) {
    const stored = storage()?.getItem(storageKey());
    held = stored ? (JSON.parse(stored) as TokenGrant) : undefined;
  }
  if (held && Date.parse(held.expiresAt) <= Date.now()) forgetToken();
  return held;
}

export function keepToken(grant: TokenGrant): void {
  held = { token: grant.token, expiresAt: grant.expiresAt };
  storage()?.setItem(storageKey(), JSON.stringify(held));
}

export function forgetToken(): void {
  held = undefined;
  storage()?.removeItem(storageKey());
}
