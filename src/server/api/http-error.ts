import { toPublicError, type PublicError } from "../errors";
import { logger } from "../logger";
import { retryAfterOf } from "./retry-after";

export interface ErrorResponseOptions {
  headers?: HeadersInit;
  /** More fields for the body, e.g. the webhook's operator-facing `reason`. */
  extra?: Record<string, unknown>;
}

/**
 * The HTTP face of any thrown value, for route handlers: the same table and masking as tRPC
 * (`toPublicError`), as `{ error, code, reason, params?, fieldErrors? }`: `error` is the reason code too,
 * for clients that only read `error`; the browser words `reason` with its `params`.
 */
export function errorResponse(error: unknown, options: ErrorResponseOptions = {}): Response {
  const published = toPublicError(error);
  // A rate-limited request says when to come back (RFC 9110 Retry-After), whichever route refused it.
  const retryAfter = retryAfterOf([{ cause: error }]);
  const headers = new Headers(options.headers);
  if (retryAfter !== null) headers.set("retry-after", String(retryAfter));
  return Response.json(
    {
      error: published.reason,
      code: published.code,
      reason: published.reason,
      ...(published.params ? { params: published.params } : {}),
      ...(published.fieldErrors ? { fieldErrors: published.fieldErrors } : {}),
      ...options.extra,
    },
    { status: published.status, headers },
  );
}

/** Like tRPC's error boundary: a stack trace for 5xx, one info line for what the caller got wrong. */
export function logRouteError(route: { method: string; path: string; ms: number }, error: unknown): PublicError {
  const published = toPublicError(error);
  const fields = { ...route, status: published.status, code: published.code };
  if (published.status >= 500) logger.error({ ...fields, err: error }, "route error");
  else logger.info(fields, "route error");
  return published;
}
