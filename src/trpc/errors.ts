"use client";

import { TRPCClientError } from "@trpc/client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { isErrorReason } from "../shared/error-reasons";
import { formatBytes } from "../shared/format/bytes";
import type { FieldErrors, FieldIssue, MessageParams } from "../shared/errors";

/** What the server sends about a failure: a reason code, its parameters and per-field issues. */
export interface CodedError {
  reason: string;
  params?: MessageParams | null;
  fieldErrors?: FieldErrors | null;
}

interface ErrorData {
  reason?: string;
  params?: MessageParams | null;
  fieldErrors?: FieldErrors | null;
}

/** The coded failure in a tRPC error, or in a route handler's JSON body (`{ reason, params, fieldErrors }`). */
export function codedErrorOf(error: unknown): CodedError | null {
  const data: ErrorData | null | undefined =
    error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : (error as ErrorData | null);
  if (!data || typeof data !== "object" || typeof data.reason !== "string") return null;
  return { reason: data.reason, params: data.params ?? null, fieldErrors: data.fieldErrors ?? null };
}

/** Words codes in the UI locale: error reasons (`errors.*`) and validation issues (`validation.*`). */
export function useErrorWording() {
  const tErrors = useTranslations("errors");
  const tValidation = useTranslations("validation");
  const locale = useLocale();

  const wordReason = useCallback(
    (reason: string, params?: MessageParams | null): string => {
      const values: MessageParams = {};
      // Byte counts travel raw (`sizeBytes`) and read in the UI locale (`size`: "1,5 MB").
      for (const [name, value] of Object.entries(params ?? {}))
        if (name.endsWith("Bytes") && typeof value === "number") values[name.slice(0, -5)] = formatBytes(value, locale);
        else values[name] = value;
      // A nested reason (e.g. why a delivery failed) is worded inside the sentence as `cause`.
      if (typeof values.reason === "string" && isErrorReason(values.reason)) {
        const { reason: inner, ...rest } = values;
        values.cause = tErrors(inner, rest);
      }
      if (isErrorReason(reason)) return tErrors(reason, values);
      return tErrors("generic");
    },
    [tErrors, locale],
  );

  const wordIssue = useCallback(
    (issue: FieldIssue): string => {
      if (isErrorReason(issue.reason)) return wordReason(issue.reason, issue.params);
      // too_small/too_big read differently for text, numbers and lists (`validation.too_small.string`),
      // invalid_format for each format (`validation.invalid_format.email`).
      const variant = issue.params?.origin ?? issue.params?.format;
      if (variant !== undefined && tValidation.has(`${issue.reason}.${variant}`))
        return tValidation(`${issue.reason}.${variant}`, issue.params);
      if (tValidation.has(`${issue.reason}.other`)) return tValidation(`${issue.reason}.other`, issue.params);
      if (tValidation.has(issue.reason)) return tValidation(issue.reason, issue.params);
      return tValidation("invalid");
    },
    [tValidation, wordReason],
  );

  return useMemo(
    () => ({
      wordReason,
      wordIssue,
      /** The worded reason of any failure (tRPC or route handler), or `fallback` for one without a code. */
      messageOf(error: unknown, fallback: string): string {
        const coded = codedErrorOf(error);
        return coded ? wordReason(coded.reason, coded.params) : fallback;
      },
      /** The first worded issue of each field, keyed by field path. */
      fieldErrorsOf(error: unknown): Record<string, string> {
        const fields = codedErrorOf(error)?.fieldErrors ?? {};
        return Object.fromEntries(
          Object.entries(fields).flatMap(([field, issues]) => (issues[0] ? [[field, wordIssue(issues[0])]] : [])),
        );
      },
    }),
    [wordReason, wordIssue],
  );
}
