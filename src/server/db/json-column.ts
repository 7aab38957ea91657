import type { z } from "zod";
import { AppError } from "../errors";
import type { Prisma } from "./client";

/** Where a JSON value was read from, for the error that names it. */
export interface JsonColumnSource {
  table: string;
  column: string;
  id?: string;
}

/**
 * A JSON column (or raw SQL jsonb) read through the schema that owns it. Stored data that does not
 * match is a defect, not bad input: INTERNAL (masked for clients) with the table, column, row and
 * issue paths in `details` for the log.
 */
export function parseJsonColumn<Output>(schema: z.ZodType<Output>, value: unknown, source: JsonColumnSource): Output {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message,
  }));
  throw new AppError("INTERNAL", "internal", {
    details: { ...source, issues },
    cause: parsed.error,
  });
}

/**
 * What a JSON column is written with: a value of the column schema's own type, checked by it before
 * it is stored, so what is written is always what `parseJsonColumn` reads back.
 */
export function toJsonColumn<Output extends Prisma.InputJsonValue, Input>(
  schema: z.ZodType<Output, Input>,
  value: Input,
): Prisma.InputJsonValue {
  return schema.parse(value);
}
