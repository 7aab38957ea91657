import { z } from "../zod";

export const consentStatuses = ["opted_in", "opted_out", "unknown"] as const;
export type ConsentStatusValue = (typeof consentStatuses)[number];

export const legalBases = ["consent", "legitimate_interest", "contract", "legal_obligation"] as const;
export type LegalBasisValue = (typeof legalBases)[number];

export const contactFieldTypes = ["text", "number", "date"] as const;
export type ContactFieldTypeValue = (typeof contactFieldTypes)[number];

/**
 * Which contacts: the list, its count, the CSV export and campaign audiences all read this one shape
 * (see contactFilterSql on the server). Every condition narrows; an empty filter is everyone.
 */
export const contactFilterSchema = z.object({
  /** Name, WhatsApp name or phone (accents and case ignored); digits also match inside the phone. */
  search: z.string().trim().max(200).optional(),
  /** Contacts with any of these tags (or all of them, with tagMode "all"). */
  tagIds: z.array(z.uuid()).max(50).optional(),
  tagMode: z.enum(["any", "all"]).optional(),
  consent: z.array(z.enum(consentStatuses)).max(3).optional(),
  /** Contacts with a conversation on this instance. */
  instanceId: z.uuid().optional(),
  /** Last interaction at or after / before this instant; `neverInteracted` for contacts never talked to. */
  interactedAfter: z.iso.datetime({ offset: true }).optional(),
  interactedBefore: z.iso.datetime({ offset: true }).optional(),
  neverInteracted: z.boolean().optional(),
  /** true: only blocked; false: only not blocked. */
  blocked: z.boolean().optional(),
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;

export const contactSorts = ["name", "createdAt", "lastInteraction"] as const;
export type ContactSort = (typeof contactSorts)[number];

export const listContactsInput = z.object({
  filter: contactFilterSchema.default({}),
  sort: z.enum(contactSorts).default("lastInteraction"),
  /** Keyset cursor: the last row's sort key (as text) and id. */
  cursor: z.object({ key: z.string().max(500), id: z.uuid() }).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const countContactsInput = z.object({ filter: contactFilterSchema.default({}) });

export const contactIdInput = z.object({ contactId: z.uuid() });

/** A custom field value as typed: numbers and dates are checked against the field's type on the server. */
const customFieldValue = z.string().max(1000).nullable();

export const updateContactInput = z.object({
  contactId: z.uuid(),
  /** null or "" clears the team's name (the WhatsApp name is shown then). */
  name: z.string().trim().max(200).nullish(),
  /** Only the keys given change; null or "" removes a value. */
  customFields: z.record(z.string().max(40), customFieldValue).optional(),
  /** The contact's whole tag set. */
  tagIds: z.array(z.uuid()).max(100).optional(),
});

export const createContactInput = z.object({
  phone: z.string().trim().min(1, { error: "phoneRequired" }).max(64),
  name: z.string().trim().max(200).optional(),
  tagIds: z.array(z.uuid()).max(100).optional(),
});

export const setContactBlockedInput = z
  .object({
    contactId: z.uuid(),
    blocked: z.boolean(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((input) => !input.blocked || !!input.reason, {
    error: "blockReasonRequired",
    path: ["reason"],
  });

export const recordContactConsentInput = z
  .object({
    contactId: z.uuid(),
    status: z.enum(["opted_in", "opted_out"]),
    legalBasis: z.enum(legalBases).nullish(),
    evidence: z.string().trim().max(2000).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.status !== "opted_in") return;
    if (!input.legalBasis) ctx.addIssue({ code: "custom", path: ["legalBasis"], message: "legalBasisRequired" });
    if (!input.evidence)
      ctx.addIssue({
        code: "custom",
        path: ["evidence"],
        message: "consentEvidenceDetail",
      });
  });

export const contactFieldKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, {
    error: "fieldKeyFormat",
  });

export const createContactFieldInput = z.object({
  key: contactFieldKey,
  label: z.string().trim().min(1, { error: "fieldLabelRequired" }).max(60),
  type: z.enum(contactFieldTypes),
});

export const contactFieldIdInput = z.object({ id: z.uuid() });

/**
 * Which spreadsheet column (0-based index) feeds which contact attribute. Only the phone is required;
 * `fields` maps custom field keys to columns.
 */
export const importMappingSchema = z.object({
  phone: z.number().int().min(0).max(500),
  name: z.number().int().min(0).max(500).nullish(),
  tags: z.number().int().min(0).max(500).nullish(),
  consent: z.number().int().min(0).max(500).nullish(),
  fields: z.record(contactFieldKey, z.number().int().min(0).max(500)).default({}),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importIdInput = z.object({ importId: z.uuid() });

export const validateContactImportInput = z.object({ importId: z.uuid(), mapping: importMappingSchema });

export const startContactImportInput = z.object({
  importId: z.uuid(),
  mapping: importMappingSchema,
  /** Required when a consent column is mapped: the basis every "sim" of this file is recorded with. */
  legalBasis: z.enum(legalBases).nullish(),
  /** Where the consent came from, e.g. "Planilha clientes-2026.xlsx, coluna consentimento". */
  evidence: z.string().trim().max(1000).optional(),
});

/** When a consent column is mapped, starting needs both: the form checks them before sending, the server again. */
export const importConsentChoice = z.object({
  legalBasis: z.enum(legalBases, { error: "legalBasisRequired" }),
  evidence: z.string().trim().min(1, { error: "importEvidenceRequired" }).max(1000),
});

/** What the upload route (/api/contacts/import) answers: the file's columns, first rows and a suggested mapping. */
export const importPreviewSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  encoding: z.enum(["utf-8", "utf-16le", "utf-16be", "windows-1252"]).nullable(),
  delimiter: z.enum([",", ";", "\t"]).nullable(),
  hasHeader: z.boolean(),
  columns: z.array(z.string()),
  /** The first rows, as read, for the mapping step. */
  sampleRows: z.array(z.array(z.string())),
  totalRows: z.number(),
  /** Every attribute that a header name recognisably means: column indexes. */
  suggestedMapping: z.object({
    phone: z.number().nullable(),
    name: z.number().nullable(),
    tags: z.number().nullable(),
    consent: z.number().nullable(),
    fields: z.record(z.string(), z.number()),
  }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
