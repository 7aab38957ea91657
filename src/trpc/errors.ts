import { TRPCClientError } from "@trpc/client";
import type { FieldErrors } from "../shared/errors";

/** Field errors (pt-BR) sent by the server for a form, keyed by field name. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error.data as { fieldErrors?: FieldErrors | null } | undefined)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, messages[0] ?? ""]));
}

export function messageOf(error: unknown, fallback: string): string {
  return error instanceof TRPCClientError && error.message ? error.message : fallback;
}
