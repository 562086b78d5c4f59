// Errors the services throw; the error handler turns them into RFC 9457 problem details
// with a stable code and messages in the request's language.
import type { MessageKey } from '@wushe/core';

export interface FieldError {
  path: string;
  key: string; // a message key, or an already-translated message
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const badRequest = (fields: FieldError[], code: MessageKey = 'error.validation') => new AppError(400, code, {}, fields);
export const fieldError = (path: string, key: MessageKey, params?: Record<string, string | number>) => badRequest([{ path, key, params }]);
export const notFound = () => new AppError(404, 'error.notFound');
export const forbidden = (code: MessageKey = 'error.forbidden') => new AppError(403, code);
export const conflict = () => new AppError(409, 'error.conflict');
export const unauthenticated = (code: MessageKey = 'auth.unauthenticated') => new AppError(401, code);
