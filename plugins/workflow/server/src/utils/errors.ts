import { errors } from '@strapi/utils';
import createError from 'http-errors';

/**
 * Throws the HTTP error a person reads. 403 is a PolicyError: Strapi replaces the message of any
 * other ForbiddenError raised behind its authorisation step by a bare "Forbidden".
 */
export function fail(status: number, message: string): never {
  if (status === 403) throw new errors.PolicyError(message);
  if (status === 404) throw new errors.NotFoundError(message);
  if (status === 409) throw createError(409, message, { name: 'ConflictError' });
  throw new errors.ValidationError(message);
}

export const notFound = () => new errors.NotFoundError('Không tìm thấy hồ sơ.');
