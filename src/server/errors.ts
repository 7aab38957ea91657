import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import type { ErrorCode, FieldErrors } from "../shared/errors";

/** The one error type domain code throws. `message` is for a person, in pt-BR. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldErrors; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
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

export const MASKED_MESSAGE = "Algo deu errado do nosso lado. Tente de novo em instantes.";

export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** What a client may see of any thrown value: code, message (masked for 5xx) and field errors. */
export interface PublicError {
  code: ErrorCode;
  message: string;
  status: number;
  fieldErrors?: FieldErrors;
}

export function toPublicError(error: unknown): PublicError {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof AppError) {
    const { http } = errorTransport[cause.code];
    // INTERNAL may carry technical detail; other codes' messages are written for people (e.g. "A
    // Evolution API está indisponível") and keep their technical detail in `details`.
    return {
      code: cause.code,
      status: http,
      message: cause.code === "INTERNAL" ? MASKED_MESSAGE : cause.message,
      fieldErrors: cause.fieldErrors,
    };
  }
  if ((cause as { code?: unknown })?.code === "P2002") {
    // A unique constraint won a race the code's own check lost (e.g. two creates with one name).
    return { code: "CONFLICT", status: 409, message: "Já existe um registro com estes dados." };
  }
  if (cause instanceof ZodError) {
    return {
      code: "VALIDATION",
      status: 422,
      message: "Verifique os campos destacados.",
      fieldErrors: fieldErrorsFromZod(cause),
    };
  }
  if (error instanceof TRPCError) {
    const code = trpcToCode[error.code] ?? "INTERNAL";
    const status = errorTransport[code].http;
    return { code, status, message: status >= 500 ? MASKED_MESSAGE : error.message };
  }
  return { code: "INTERNAL", status: 500, message: MASKED_MESSAGE };
}

/** For tRPC middlewares: turn an AppError into the TRPCError the transport expects. */
export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) {
    return new TRPCError({ code: errorTransport[error.code].trpc, message: error.message, cause: error });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: MASKED_MESSAGE,
    cause: error instanceof Error ? error : undefined,
  });
}
