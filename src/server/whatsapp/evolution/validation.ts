import type { ErrorReason } from "../../../shared/error-reasons";
import type { MessageParams } from "../../../shared/errors";
import { fieldErrorsOfIssues } from "../../../shared/validation-issues";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";

/**
 * Parses `value` or throws a VALIDATION AppError. `path` prefixes the field names, for a part read on
 * its own (e.g. the content inside `message.ephemeralMessage.message` is reported under `message`).
 */
export function parseOrReject<T>(
  schema: z.ZodType<T>,
  value: unknown,
  reason: ErrorReason,
  options: { event?: string; path?: (string | number)[]; params?: MessageParams } = {},
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("VALIDATION", reason, {
    params: options.params,
    fieldErrors: fieldErrorsOfIssues(parsed.error.issues, options.path),
    details: options.event ? { event: options.event } : undefined,
  });
}

/** Reads (part of) an event's `data`; a known event whose data is malformed is rejected, naming the event. */
export function parseEventData<T>(schema: z.ZodType<T>, value: unknown, event: string, path?: (string | number)[]): T {
  return parseOrReject(schema, value, "evolutionEventMalformed", { event, path, params: { event } });
}
