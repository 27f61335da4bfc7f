/** How SMS verification codes work; the numbers are the product's promise to users and appear in the README. */
export const CODE_POLICY = {
  digits: 6,
  validSeconds: 10 * 60,
  /** Wrong tries after which a code is void and a new one must be sent. */
  maxWrongTries: 5,
  /** At most one code per user in this many seconds… */
  resendAfterSeconds: 30,
  /** …and at most this many per hour. */
  perHour: 5,
} as const;
