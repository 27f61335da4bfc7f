/** The only error type the domain throws; the server maps `code` to a status and a translated message in one place. */
export const ERROR_STATUS = {
  validation_failed: 400,
  field_not_writable: 400,
  invalid_phone: 400,
  invalid_code: 400,
  attachment_refused: 400,
  chat_app_field_invalid: 400,
  chat_app_incomplete: 400,
  phone_required: 409,
  phone_already_set: 409,
  wrong_password: 403,
  code_expired: 410,
  too_many_attempts: 429,
  sms_failed: 502,
  unauthenticated: 401,
  invalid_credentials: 401,
  enrollment_token_invalid: 401,
  agent_unauthenticated: 401,
  identity_invalid: 401,
  identity_expired: 401,
  forbidden: 403,
  section_disabled: 403,
  origin_not_allowed: 403,
  action_not_requested: 403,
  manual_ticket_creation_disabled: 403,
  ticket_cannot_be_reopened: 403,
  not_found: 404,
  app_not_in_catalog: 404,
  device_choice_needed: 409,
  platform_not_supported: 409,
  action_not_pending: 409,
  unknown_tenant: 404,
  unknown_recipient: 404,
  conflict: 409,
  email_domain_taken: 409,
  contact_exists: 409,
  catalog_app_exists: 409,
  catalog_app_installed: 409,
  custom_field_exists: 409,
  article_slug_taken: 409,
  import_running: 409,
  hostname_taken: 409,
  conversation_taken: 409,
  conversation_not_joined: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type AppErrorOptions = {
  /** Interpolated into the translated message, e.g. the field name. Never secrets. */
  params?: Record<string, string | number>;
  /** Extra structured detail for the client, such as zod issues. */
  details?: unknown;
  /** Seconds a throttled caller should wait. */
  retryAfter?: number;
  /** A message more fitting than the code's own, e.g. why this particular wait. */
  messageKey?: string;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly details?: unknown;
  readonly retryAfter?: number;
  readonly messageKey: string;

  constructor(code: ErrorCode, internalMessage?: string, options: AppErrorOptions = {}) {
    super(internalMessage ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.details = options.details;
    this.retryAfter = options.retryAfter;
    this.messageKey = options.messageKey ?? `errors.${code}`;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
