import type { FieldErrors } from "../../../shared/errors";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";

/**
 * Parses `value` or throws a VALIDATION AppError. `path` prefixes the field names, for a part read on
 * its own (e.g. the content inside `message.ephemeralMessage.message` is reported under `message`).
 */
export function parseOrReject<T>(
  schema: z.ZodType<T>,
  value: unknown,
  message: string,
  options: { event?: string; path?: (string | number)[] } = {},
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = [...(options.path ?? []), ...issue.path].map(String).join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", message, {
    fieldErrors,
    details: options.event ? { event: options.event } : undefined,
  });
}

/** Reads (part of) an event's `data`; a known event whose data is malformed is rejected, naming the event. */
export function parseEventData<T>(schema: z.ZodType<T>, value: unknown, event: string, path?: (string | number)[]): T {
  return parseOrReject(schema, value, `O evento ${event} da Evolution API veio num formato inesperado.`, {
    event,
    path,
  });
}
