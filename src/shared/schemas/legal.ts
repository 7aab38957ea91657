import { z } from "../zod";

/** Documents an organization publishes (legal.documentKind.<code>). */
export const legalDocumentKinds = ["terms", "privacy_policy"] as const;
export type LegalDocumentKindValue = (typeof legalDocumentKinds)[number];

/** Languages a template exists in. */
export const legalTemplateLocales = ["pt-BR", "en"] as const;

/** Personal data categories an incident may involve (legal.dataCategory.<code>). */
export const incidentDataCategories = [
  "identification",
  "contact",
  "messages",
  "media",
  "financial",
  "credentials",
  "sensitive",
  "children",
] as const;

/** ANPD Res. 15/2024 art. 6: notice within three business days of learning of the incident. */
export const INCIDENT_NOTICE_BUSINESS_DAYS = 3;

/** ANPD Res. 15/2024 art. 10: the register is kept at least five years. */
export const INCIDENT_KEEP_YEARS = 5;

export const saveLegalDraftInput = z.object({
  kind: z.enum(legalDocumentKinds),
  /** Markdown; omitted, the draft starts from the template in this language. */
  body: z.string().trim().min(20).max(100_000).optional(),
  templateLocale: z.enum(legalTemplateLocales).optional(),
});

export const publishLegalDocumentInput = z.object({ documentId: z.uuid() });

export const listLegalDocumentsInput = z.object({ kind: z.enum(legalDocumentKinds) });

export const saveEncarregadoInput = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().max(200),
});

export const acceptTermsInput = z.object({ documentId: z.uuid() });

export const registerIncidentInput = z.object({
  description: z.string().trim().min(10).max(5000),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  detectedAt: z.iso.datetime({ offset: true }),
  dataCategories: z.array(z.enum(incidentDataCategories)).min(1).max(incidentDataCategories.length),
  affectedCount: z.number().int().min(0).max(1_000_000_000),
  measures: z.string().trim().min(5).max(5000),
});

export const recordIncidentNoticeInput = z.object({
  incidentId: z.uuid(),
  /** Who was notified: the ANPD or the affected persons. */
  audience: z.enum(["anpd", "subjects"]),
});

export const incidentNoticeInput = z.object({
  incidentId: z.uuid(),
  audience: z.enum(["anpd", "subjects"]),
});

export const saveOptInFormInput = z.object({
  formId: z.uuid().optional(),
  instanceId: z.uuid(),
  campaignId: z.uuid().nullable().optional(),
  /** The exact words the person agrees to; a change makes a new wording version. */
  wording: z.string().trim().min(20).max(2000),
  active: z.boolean().default(true),
});

/** What the public form posts. `website` is the honeypot: a person never sees or fills it. */
export const submitOptInInput = z.object({
  formToken: z.string().min(10).max(400),
  phone: z.string().trim().min(8).max(30),
  name: z.string().trim().max(120).optional(),
  wordingVersion: z.coerce.number().int().min(1),
  consent: z.literal(["on", "true", true]),
  website: z.string().max(200).optional(),
});
