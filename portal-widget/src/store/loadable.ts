/** Something fetched from the server: not asked for yet, on its way, here, or refused with the server's message. */
export type Loadable<T> = { state: 'idle' } | { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; message: string };
