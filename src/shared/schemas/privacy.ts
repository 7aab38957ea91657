import { z } from "../zod";

/** LGPD Art. 18 rights, as stored codes (the UI words them: privacy.kind.<code>). */
export const dataSubjectRequestKinds = [
  "confirmation",
  "access",
  "correction",
  "anonymisation",
  "blocking",
  "deletion",
  "portability",
  "sharing_information",
  "consent_revocation",
] as const;
export type DataSubjectRequestKindValue = (typeof dataSubjectRequestKinds)[number];

/** How a request was answered (privacy.outcome.<code>). */
export const dataSubjectRequestOutcomes = [
  "fulfilled",
  "data_exported",
  "contact_erased",
  "contact_corrected",
  "consent_revoked",
  "no_data_held",
  "identity_not_verified",
  "refused_legal_basis",
] as const;

/** Data an organization may keep for a limited time (privacy.retentionKind.<code>). */
export const retentionDataKinds = ["messages", "media", "ai_insights", "webhook_deliveries", "audit"] as const;
export type RetentionDataKindValue = (typeof retentionDataKinds)[number];

/** Art. 19: the complete answer within 15 days of the request. */
export const DATA_SUBJECT_REQUEST_DAYS = 15;

export const registerDataSubjectRequestInput = z.object({
  contactId: z.uuid(),
  kind: z.enum(dataSubjectRequestKinds),
  /** When the person asked (defaults to now); the 15 days count from here. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

export const closeDataSubjectRequestInput = z.object({
  requestId: z.uuid(),
  outcome: z.enum(dataSubjectRequestOutcomes),
});

export const listDataSubjectRequestsInput = z.object({
  status: z.enum(["open", "closed"]).optional(),
  contactId: z.uuid().optional(),
});

export const eraseContactInput = z.object({
  contactId: z.uuid(),
  /** The request this erasure answers; closed with `contact_erased`. */
  requestId: z.uuid().optional(),
});

export const saveRetentionPolicyInput = z.object({
  kind: z.enum(retentionDataKinds),
  keepDays: z.number().int().min(1).max(3650),
  enabled: z.boolean(),
});

export const previewRetentionPurgeInput = z.object({
  kind: z.enum(retentionDataKinds),
  keepDays: z.number().int().min(1).max(3650),
});

/** Audit is evidence (Art. 37): it is never kept for less than this. */
export const MIN_AUDIT_KEEP_DAYS = 365;
