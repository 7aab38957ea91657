import type { z } from "zod";
import type { FieldErrors, FieldIssue, MessageParams } from "./errors";

/**
 * The reasons shared schemas give instead of zod's default wording (`{ error: "tagNameRequired" }`),
 * each worded as `validation.<reason>`.
 */
export const validationReasons = [
  "timeFormat",
  "campaignBodyRequired",
  "intervalOrder",
  "weekdaysRequired",
  "hoursOrder",
  "endAfterStart",
  "campaignNameRequired",
  "variantsMax",
  "instancesRequired",
  "phoneRequired",
  "blockReasonRequired",
  "legalBasisRequired",
  "consentEvidenceDetail",
  "fieldKeyFormat",
  "fieldLabelRequired",
  "searchTooShort",
  "messageTooLong",
  "messageOrAttachment",
  "noteRequired",
  "tagNameRequired",
  "shortcutFormat",
  "replyRequired",
  "pairingNumberFormat",
  "timezoneUnknown",
  "hoursOverlap",
] as const;

export type ValidationReason = (typeof validationReasons)[number];

const isValidationReason = (message: string): message is ValidationReason =>
  (validationReasons as readonly string[]).includes(message);

/** The numbers and names zod's issue carries, as ICU arguments (`{minimum, plural, …}`). */
function paramsOf(issue: z.core.$ZodIssue): MessageParams {
  switch (issue.code) {
    case "too_small":
      return { origin: issue.origin, minimum: Number(issue.minimum) };
    case "too_big":
      return { origin: issue.origin, maximum: Number(issue.maximum) };
    case "invalid_type":
      return { expected: issue.expected };
    case "invalid_format":
      return { format: issue.format };
    case "not_multiple_of":
      return { divisor: Number(issue.divisor) };
    case "invalid_value":
      return { values: issue.values.map(String).join(", ") };
    case "unrecognized_keys":
      return { keys: issue.keys.join(", ") };
    default:
      return {};
  }
}

/** One zod issue as a code: the schema's own reason when it gave one, else zod's issue code. */
export function fieldIssueOf(issue: z.core.$ZodIssue): FieldIssue {
  const params = paramsOf(issue);
  const reason = isValidationReason(issue.message) ? issue.message : issue.code;
  return Object.keys(params).length ? { reason, params } : { reason };
}

/** Issues keyed by their dot-joined path ("_" for the whole value), as forms show them. */
export function fieldErrorsOfIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: (string | number)[] = [],
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = [...prefix, ...issue.path].map(String).join(".") || "_";
    (fields[key] ??= []).push(fieldIssueOf(issue));
  }
  return fields;
}
