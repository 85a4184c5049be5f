/**
 * Error codes of the API. Every error answer is `{ error: { code, message, details? } }`;
 * the code is stable and machine-readable, the message is for humans.
 */
export const ERROR_CODES = [
  'validation_error',
  'bad_request',
  'invalid_json',
  'unauthenticated',
  'invalid_credentials',
  'account_inactive',
  'csrf_invalid',
  'forbidden',
  'not_found',
  'route_not_found',
  'user_not_found',
  'group_not_found',
  'token_not_found',
  'email_taken',
  'group_name_taken',
  'setup_token_invalid',
  'setup_already_done',
  'password_token_invalid',
  'cannot_deactivate_self',
  'last_admin',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'service_unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
