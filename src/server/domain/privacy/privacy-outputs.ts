import {
  dataSubjectRequestKinds,
  dataSubjectRequestOutcomes,
  retentionDataKinds,
} from "../../../shared/schemas/privacy";
import { z } from "../../../shared/zod";

export const dataSubjectRequestOutput = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  kind: z.enum(dataSubjectRequestKinds),
  status: z.enum(["open", "closed"]),
  receivedAt: z.string(),
  dueAt: z.string(),
  outcome: z.enum(dataSubjectRequestOutcomes).nullable(),
  closedAt: z.string().nullable(),
  /** Where the 15-day clock stands. */
  clock: z.enum(["on_time", "due_soon", "overdue", "closed"]),
});
export const listDataSubjectRequestsOutput = z.array(dataSubjectRequestOutput);

export const eraseContactOutput = z.object({
  contactId: z.string(),
  messages: z.number(),
  conversations: z.number(),
  mediaFiles: z.number(),
  webhookDeliveries: z.number(),
  reportingEvents: z.number(),
  aiCalls: z.number(),
  auditEntries: z.number(),
  importFiles: z.number(),
  suppressed: z.boolean(),
});

export const retentionPolicyOutput = z.object({
  kind: z.enum(retentionDataKinds),
  keepDays: z.number().nullable(),
  enabled: z.boolean(),
  lastPurgedAt: z.string().nullable(),
});
export const listRetentionPoliciesOutput = z.array(retentionPolicyOutput);

export const previewRetentionPurgeOutput = z.object({ kind: z.enum(retentionDataKinds), count: z.number() });
