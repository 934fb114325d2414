import { STRAPI_ERROR_MESSAGES } from '../constants';

interface ErrorBody {
  error?: { message?: unknown };
}

/**
 * Says an error answer's message in Vietnamese when it is one of Strapi's English defaults
 * ("Policy Failed", "Forbidden", "Not Found"…); a message this project wrote is left as it is.
 */
export function inVietnamese(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const error = (body as ErrorBody).error;
  if (typeof error !== 'object' || error === null || typeof error.message !== 'string') return;
  if (Object.hasOwn(STRAPI_ERROR_MESSAGES, error.message))
    error.message = STRAPI_ERROR_MESSAGES[error.message];
}
