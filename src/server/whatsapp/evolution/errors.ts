import type { ErrorReason } from "../../../shared/error-reasons";
import { AppError } from "../../errors";

/** Which call failed, for the error's details (never the apikey). */
export interface RequestDescription {
  method: string;
  path: string;
}

/**
 * What each kind of failure becomes. The reason also goes into `details.reason`, so callers can branch
 * on it rather than on messages. Transport failures (network, timeout, 5xx) are UPSTREAM_UNAVAILABLE:
 * the circuit breaker counts them and idempotent calls retry them.
 */
const failures = {
  network: { code: "UPSTREAM_UNAVAILABLE", reason: "evolutionNetwork" },
  timeout: { code: "UPSTREAM_UNAVAILABLE", reason: "evolutionTimeout" },
  "server-error": { code: "UPSTREAM_UNAVAILABLE", reason: "evolutionServerError" },
  "license-required": { code: "UPSTREAM_UNAVAILABLE", reason: "evolutionLicenseRequired" },
  // A 4xx code, not UNAUTHENTICATED: the person is signed in; the server's configured key is wrong.
  unauthorized: { code: "BAD_REQUEST", reason: "evolutionUnauthorized" },
  "name-in-use": { code: "CONFLICT", reason: "evolutionNameInUse" },
  "instance-not-found": { code: "NOT_FOUND", reason: "evolutionInstanceNotFound" },
  "unknown-route": {
    code: "BAD_REQUEST",
    reason: "evolutionUnknownRoute",
  },
  "not-on-whatsapp": { code: "BAD_REQUEST", reason: "notOnWhatsapp" },
  "not-connected": { code: "BAD_REQUEST", reason: "instanceNotConnected" },
  "payload-too-large": { code: "PAYLOAD_TOO_LARGE", reason: "evolutionPayloadTooLarge" },
  rejected: { code: "BAD_REQUEST", reason: "evolutionRejected" },
  "connect-failed": { code: "BAD_REQUEST", reason: "evolutionConnectFailed" },
  "unexpected-response": { code: "INTERNAL", reason: "evolutionUnexpectedResponse" },
} satisfies Record<string, { code: AppError["code"]; reason: ErrorReason }>;

export type FailureReason = keyof typeof failures;

function failure(
  reason: FailureReason,
  request: RequestDescription,
  extra: Record<string, unknown>,
  cause?: unknown,
): AppError {
  const { code, reason: worded } = failures[reason];
  return new AppError(code, worded, { details: { reason, ...request, ...extra }, cause });
}

export function failureReason(error: unknown): FailureReason | undefined {
  if (!(error instanceof AppError)) return undefined;
  return error.details?.reason as FailureReason | undefined;
}

/** fetch rejected: nothing (or nothing complete) came back. */
export function transportError(cause: unknown, request: RequestDescription): AppError {
  if (cause instanceof Error && cause.name === "TimeoutError") return failure("timeout", request, {}, cause);
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return failure("network", request, { networkError: typeof code === "string" ? code : String(cause) }, cause);
}

/**
 * Evolution's error messages, flattened. The envelope is `{status, error, response: {message}}` where
 * `message` is the exception's argument list: usually `["text"]`, nested (`[["a", "b"]]`) for schema
 * errors, a plain string for 401, and objects for "number not on WhatsApp". `/chat/whatsappNumbers`
 * answers the raw exception without the `response` wrapper, and `{error:true}` acks carry `message`.
 */
export function evolutionMessages(body: unknown): unknown[] {
  if (typeof body === "string") return body ? [body] : [];
  if (typeof body !== "object" || body === null) return [];
  const envelope = body as { response?: { message?: unknown }; message?: unknown };
  const message = envelope.response?.message ?? envelope.message;
  return message === undefined ? [] : [message].flat(Infinity);
}

function messageText(message: unknown): string {
  return typeof message === "string" ? message : JSON.stringify(message);
}

/** The lookup object a send puts in its 400 when the recipient is not on WhatsApp (contract §7.3). */
function isFailedLookup(message: unknown): message is { number?: unknown; jid?: unknown } {
  return typeof message === "object" && message !== null && (message as { exists?: unknown }).exists === false;
}

function statusReason(status: number, body: unknown, messages: unknown[], texts: string[]): FailureReason {
  const mentions = (pattern: RegExp) => texts.some((text) => pattern.test(text));
  if (status >= 500) {
    // 2.4.0 gates business endpoints behind a license activation with a 503 of its own shape.
    const licenseGate = (body as { code?: unknown } | null)?.code === "LICENSE_REQUIRED";
    return licenseGate ? "license-required" : "server-error";
  }
  if (status === 401) return "unauthorized";
  if (status === 403 && mentions(/already in use/i)) return "name-in-use";
  // Express answers unknown routes with "Cannot <METHOD> <path>": a wrong base URL or API version.
  if (status === 404) return mentions(/^Cannot [A-Z]+ \//) ? "unknown-route" : "instance-not-found";
  if (status === 413) return "payload-too-large";
  if (messages.some(isFailedLookup)) return "not-on-whatsapp";
  // "The "x" instance is not connected" (logout), "Error: Connection Closed" (sends on a dead socket).
  if (mentions(/is not connected|Connection Closed/i)) return "not-connected";
  return "rejected";
}

/** An HTTP error status from Evolution (or a proxy in front of it) as an AppError. */
export function errorFromStatus(status: number, body: unknown, request: RequestDescription): AppError {
  const messages = evolutionMessages(body);
  const texts = messages.map(messageText);
  const reason = statusReason(status, body, messages, texts);
  const numbers = messages.filter(isFailedLookup).map((lookup) => lookup.number ?? lookup.jid);
  return failure(reason, request, {
    status,
    evolutionMessages: texts,
    ...(reason === "not-on-whatsapp" ? { numbers } : {}),
  });
}

/** `connect` and `restart` catch their own errors and answer 200 `{error: true, message}`. */
export function errorFromFailedAck(body: unknown, request: RequestDescription): AppError {
  return failure("connect-failed", request, {
    status: 200,
    evolutionMessages: evolutionMessages(body).map(messageText),
  });
}

export function unexpectedResponse(problem: unknown, request: RequestDescription): AppError {
  return failure("unexpected-response", request, { problem });
}
