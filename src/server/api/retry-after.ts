import { AppError } from "../errors";

/** Seconds to wait before retrying, from the first rate-limited error of a response; null when none is. */
export function retryAfterOf(errors: readonly { cause?: unknown }[]): number | null {
  for (const error of errors) {
    const cause = error.cause;
    if (cause instanceof AppError && cause.code === "RATE_LIMITED") {
      const seconds = cause.details?.retryAfterSeconds;
      if (typeof seconds === "number") return seconds;
    }
  }
  return null;
}
