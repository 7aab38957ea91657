/** Error codes shared by server and browser. The server maps each once to tRPC and HTTP. */
export const errorCodes = [
  "BAD_REQUEST",
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "UPSTREAM_UNAVAILABLE",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Values a coded message is worded with (ICU arguments in the messages files). */
export type MessageParams = Record<string, string | number>;

/**
 * One problem with one field, as a code: an error reason (`errors.<reason>`) or a zod issue code
 * (`validation.<code>`), with what the wording needs.
 */
export interface FieldIssue {
  reason: string;
  params?: MessageParams;
}

/** Field path (dot-joined) → its problems, as forms show them next to each field. */
export type FieldErrors = Record<string, FieldIssue[]>;
