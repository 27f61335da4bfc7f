// Where the portal UI runs: filling the portal's own page at `/`, or embedded by /widget.js in a shadow root on another
// site. Embedded, it calls the portal by its origin, signs in with a bearer token instead of the cookie (no third-party
// cookies), and looks things up in its shadow root rather than in the host page's document.

export type Embedding = {
  /** The portal's origin, from the address of the script that embedded the widget. */
  portalOrigin: string;
  /** The widget's shadow root: where focus is read. */
  root: ShadowRoot;
  /** The element the UI is rendered in: it carries the language and the brand colour. */
  frame: HTMLElement;
};

let embedding: Embedding | undefined;

export function embedIn(where: Embedding): void {
  embedding = where;
}

export const embedded = (): boolean => embedding !== undefined;

/** The portal's origin: the page's own at `/`. */
export const portalOrigin = (): string => embedding?.portalOrigin ?? location.origin;

/** An address on the portal: relative at `/`, absolute on a host page. */
export const portalUrl = (path: string): string => (embedding ? embedding.portalOrigin + path : path);

/** The focused element of the UI: inside a shadow root, the document only knows the host element. */
export const activeElement = (): Element | null => (embedding ? embedding.root.activeElement : document.activeElement);

/** The element that takes the UI's language and brand colour: the page's root at `/`, the widget's frame embedded. */
export const frame = (): HTMLElement => embedding?.frame ?? document.documentElement;
