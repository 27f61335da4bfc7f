/** How sign-in attempts are throttled; the numbers are the product's promise and appear in the README. */
export const LOGIN_POLICY = {
  windowSeconds: 15 * 60,
  /** Wrong passwords for one username from one address in a window; then that pair waits for the window's end. */
  perPair: 5,
  /** Attempts from one address in a window, all usernames together (a success gives its attempt back). */
  perAddress: 30,
  /**
   * Wrong passwords for one username from all addresses in a window before it slows down. Beyond it the username is
   * never locked: it takes one attempt per wait, the wait doubling with each further wrong password up to the cap.
   */
  perUsername: 10,
  slowdownFirstSeconds: 1,
  slowdownCapSeconds: 15,
} as const;

/** The counts a start option may change (tests use small ones); the waits stay the policy's. */
export type LoginLimits = { perPair: number; perAddress: number; perUsername: number };

/** The wait before the next attempt at a username that has had `excess` wrong passwords beyond its free ones. */
export function slowdownSeconds(excess: number): number {
  const doublings = Math.min(Math.max(excess - 1, 0), 30);
  return Math.min(LOGIN_POLICY.slowdownFirstSeconds * 2 ** doublings, LOGIN_POLICY.slowdownCapSeconds);
}
