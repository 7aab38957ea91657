import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import type { ErrorReason } from "../shared/error-reasons";
import type { ErrorCode, FieldErrors, MessageParams } from "../shared/errors";
import { fieldErrorsOfIssues } from "../shared/validation-issues";

export interface AppErrorOptions {
  /** Values the UI words the reason with (`errors.<reason>` in the messages files). */
  params?: MessageParams;
  fieldErrors?: FieldErrors;
  /** Technical detail for logs and callers' branching; never shown. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type domain code throws. `reason` is a code the UI words in the person's language
 * (never a sentence); `message` is the reason too, so logs stay greppable.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason;
  readonly params?: MessageParams;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, reason: ErrorReason, options: AppErrorOptions = {}) {
    super(reason, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.reason = reason;
    this.params = options.params;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }
}

interface Transport {
  trpc: TRPC_ERROR_CODE_KEY;
  http: number;
}

/** The single table from AppError codes to transports. */
export const errorTransport: Record<ErrorCode, Transport> = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", http: 400 },
  VALIDATION: { trpc: "BAD_REQUEST", http: 422 },
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  UPSTREAM_UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500 },
};

const trpcToCode = Object.fromEntries(
  Object.entries(errorTransport).map(([code, t]) => [t.trpc, code as ErrorCode]),
) as Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>>;
trpcToCode.BAD_REQUEST = "BAD_REQUEST";

/** The reason a client sees for any 5xx: what failed inside stays in the logs. */
export const MASKED_REASON: ErrorReason = "internal";

/** Reasons for errors that did not come from an AppError (tRPC's own, e.g. an unknown procedure). */
const reasonOfCode: Record<ErrorCode, ErrorReason> = {
  BAD_REQUEST: "badRequest",
  VALIDATION: "checkFields",
  UNAUTHENTICATED: "signInRequired",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "notFound",
  CONFLICT: "duplicateRecord",
  PAYLOAD_TOO_LARGE: "payloadTooLarge",
  RATE_LIMITED: "rateLimited",
  UPSTREAM_UNAVAILABLE: "upstreamUnavailable",
  INTERNAL: MASKED_REASON,
};

export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  return fieldErrorsOfIssues(error.issues);
}

/** What a client may see of any thrown value: code, reason with params (masked for 5xx) and field errors. */
export interface PublicError {
  code: ErrorCode;
  reason: ErrorReason;
  params?: MessageParams;
  status: number;
  fieldErrors?: FieldErrors;
}

export function toPublicError(error: unknown): PublicError {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof AppError) {
    const { http } = errorTransport[cause.code];
    // INTERNAL may carry technical detail in its params; other reasons are meant to be worded for people.
    if (cause.code === "INTERNAL") return { code: cause.code, status: http, reason: MASKED_REASON };
    return {
      code: cause.code,
      status: http,
      reason: cause.reason,
      ...(cause.params ? { params: cause.params } : {}),
      ...(cause.fieldErrors ? { fieldErrors: cause.fieldErrors } : {}),
    };
  }
  if ((cause as { code?: unknown })?.code === "P2002") {
    // A unique constraint won a race the code's own check lost (e.g. two creates with one name).
    return { code: "CONFLICT", status: 409, reason: "duplicateRecord" };
  }
  if (cause instanceof ZodError) {
    return { code: "VALIDATION", status: 422, reason: "checkFields", fieldErrors: fieldErrorsFromZod(cause) };
  }
  if (error instanceof TRPCError) {
    const code = trpcToCode[error.code];
    if (code) return { code, status: errorTransport[code].http, reason: reasonOfCode[code] };
    // tRPC's own refusals outside the table (a query POSTed, an unsupported media type) are the client's
    // mistake: they keep tRPC's 4xx status instead of becoming a masked 500.
    const status = getHTTPStatusCodeFromError(error);
    if (status >= 400 && status < 500) return { code: "BAD_REQUEST", status, reason: reasonOfCode.BAD_REQUEST };
    return { code: "INTERNAL", status: 500, reason: MASKED_REASON };
  }
  return { code: "INTERNAL", status: 500, reason: MASKED_REASON };
}

/** For tRPC middlewares: turn an AppError into the TRPCError the transport expects. */
export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) {
    return new TRPCError({ code: errorTransport[error.code].trpc, message: error.reason, cause: error });
  }
  // Anything thrown is kept as the cause (tRPC wraps a non-Error value), so the log shows what failed.
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: MASKED_REASON, cause: error });
}
