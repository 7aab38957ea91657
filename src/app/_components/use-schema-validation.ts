"use client";

import { useCallback, useMemo, useState } from "react";
import type { z } from "zod";
import { fieldErrorsOfIssues, fieldIssueOf } from "~/shared/validation-issues";
import { useErrorWording } from "~/trpc/errors";

/**
 * zod's error map in the UI locale: each issue worded from `validation.*` (the same words the server's
 * coded issues get), so a form never shows zod's default text.
 */
export function useZodErrorMap(): z.core.$ZodErrorMap {
  const { wordIssue } = useErrorWording();
  return useCallback(
    (issue) => wordIssue(fieldIssueOf({ ...issue, message: issue.message ?? "" } as z.core.$ZodIssue)),
    [wordIssue],
  );
}

/** Checks form values with the procedure's own schema before sending: field path → worded problem. */
export function useSchemaValidation<Schema extends z.ZodType>(schema: Schema) {
  const { wordIssue } = useErrorWording();
  const errorMap = useZodErrorMap();
  return useMemo(
    () => ({
      errorMap,
      validate(values: unknown): Record<string, string> {
        const parsed = schema.safeParse(values, { error: errorMap });
        if (parsed.success) return {};
        const fields = fieldErrorsOfIssues(parsed.error.issues);
        return Object.fromEntries(Object.entries(fields).map(([field, issues]) => [field, wordIssue(issues[0]!)]));
      },
    }),
    [schema, errorMap, wordIssue],
  );
}

/**
 * A form's errors next to its fields: its own schema's check before sending (worded in the UI locale),
 * then the server's field errors from `serverError`.
 */
export function useFormCheck<Schema extends z.ZodType>(schema: Schema, serverError: unknown) {
  const { validate } = useSchemaValidation(schema);
  const { fieldErrorsOf } = useErrorWording();
  const [local, setLocal] = useState<Record<string, string>>({});
  return {
    errors: { ...fieldErrorsOf(serverError), ...local },
    /** Calls `send` with `values` when the schema accepts them; otherwise shows why, field by field. */
    check<Values>(values: Values, send: (values: Values) => void) {
      const problems = validate(values);
      setLocal(problems);
      if (Object.keys(problems).length === 0) send(values);
    },
    reset: () => setLocal({}),
  };
}
