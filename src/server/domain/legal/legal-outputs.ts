import { incidentDataCategories, legalDocumentKinds } from "../../../shared/schemas/legal";
import { z } from "../../../shared/zod";

export const legalDocumentOutput = z.object({
  id: z.string(),
  kind: z.enum(legalDocumentKinds),
  version: z.number(),
  status: z.enum(["draft", "published"]),
  body: z.string(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const listLegalDocumentsOutput = z.array(legalDocumentOutput);

export const encarregadoOutput = z.object({ name: z.string().nullable(), email: z.string().nullable() });

/** What the sign-in gate needs: the published terms (rendered) and whether this member accepted them. */
export const termsStatusOutput = z.object({
  current: z.object({ documentId: z.string(), version: z.number(), body: z.string() }).nullable(),
  accepted: z.boolean(),
});

export const termsAcceptanceOutput = z.object({ documentId: z.string(), version: z.number(), acceptedAt: z.string() });

export const incidentOutput = z.object({
  id: z.string(),
  description: z.string(),
  occurredAt: z.string().nullable(),
  detectedAt: z.string(),
  dataCategories: z.array(z.enum(incidentDataCategories)),
  affectedCount: z.number(),
  measures: z.string(),
  status: z.enum(["open", "notified", "closed"]),
  noticeDueAt: z.string(),
  anpdNotifiedAt: z.string().nullable(),
  subjectsNotifiedAt: z.string().nullable(),
  /** Where the three-business-day clock stands. */
  clock: z.enum(["on_time", "due_soon", "overdue", "notified"]),
  keepUntil: z.string(),
});
export const listIncidentsOutput = z.array(incidentOutput);

export const incidentNoticeOutput = z.object({ audience: z.enum(["anpd", "subjects"]), text: z.string() });

export const publicPrivacyPolicyOutput = z
  .object({ organizationName: z.string(), version: z.number(), body: z.string(), publishedAt: z.string() })
  .nullable();

export const publicOptInFormOutput = z
  .object({
    organizationId: z.string(),
    organizationName: z.string(),
    wording: z.string(),
    wordingVersion: z.number(),
    formToken: z.string(),
    hasPrivacyPolicy: z.boolean(),
  })
  .nullable();
