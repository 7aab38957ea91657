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

/** Field path (dot-joined) → messages, as forms show them next to each field. */
export type FieldErrors = Record<string, string[]>;
