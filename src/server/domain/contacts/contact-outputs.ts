import { messageParamsSchema } from "../../../shared/schemas/message-params";
import { z } from "../../../shared/zod";
import { tagOutput } from "../tags/tag-outputs";
import { consentStatuses, contactFieldTypes, legalBases } from "../../../shared/schemas/contacts";

const consentStatus = z.enum(consentStatuses);
const legalBasis = z.enum(legalBases);

export const contactTagOutput = tagOutput;

export const contactListItemOutput = z.object({
  id: z.string(),
  /** What to call the contact: the team's name, else the WhatsApp name, else the phone. */
  displayName: z.string().nullable(),
  name: z.string().nullable(),
  pushName: z.string().nullable(),
  phone: z.string().nullable(),
  consentStatus,
  blocked: z.boolean(),
  tags: z.array(contactTagOutput),
  lastInteractionAt: z.string().nullable(),
  createdAt: z.string(),
});

export const listContactsOutput = z.object({
  items: z.array(contactListItemOutput),
  nextCursor: z.object({ key: z.string(), id: z.string() }).nullable(),
});

export const countContactsOutput = z.object({ count: z.number() });

export const consentEntryOutput = z.object({
  id: z.string(),
  status: consentStatus,
  source: z.enum(["import", "form", "whatsapp", "manual"]),
  legalBasis: legalBasis.nullable(),
  evidence: z.string().nullable(),
  /** Where the entry came from, worded by the UI (`contacts.consentEvidence.<code>`) with `evidenceParams`. */
  evidenceCode: z.string().nullable(),
  evidenceParams: messageParamsSchema,
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  occurredAt: z.string(),
});

export const getContactOutput = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  name: z.string().nullable(),
  pushName: z.string().nullable(),
  phone: z.string().nullable(),
  profilePictureUrl: z.string().nullable(),
  consent: z.object({ status: consentStatus, legalBasis: legalBasis.nullable(), updatedAt: z.string().nullable() }),
  blocked: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
  /** "Sem IA": the AI never reads this person's messages. */
  aiOptOut: z.boolean(),
  customFields: z.record(z.string(), z.union([z.string(), z.number()])),
  tags: z.array(contactTagOutput),
  lastInteractionAt: z.string().nullable(),
  createdAt: z.string(),
  conversations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["direct", "group"]),
      status: z.enum(["open", "pending", "closed"]),
      instance: z.object({ id: z.string(), name: z.string() }),
      lastActivityAt: z.string(),
    }),
  ),
  /** The consent ledger, newest first. */
  consentHistory: z.array(consentEntryOutput),
});

export const createContactOutput = z.object({ contactId: z.string(), created: z.boolean() });
export const updateContactOutput = z.object({ contactId: z.string() });
export const setContactBlockedOutput = z.object({ blocked: z.boolean() });
export const recordContactConsentOutput = z.object({ changed: z.boolean() });

export const contactFieldOutput = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: z.enum(contactFieldTypes),
});
export const listContactFieldsOutput = z.array(contactFieldOutput);
export const createContactFieldOutput = contactFieldOutput;

export const contactImportOutput = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(["previewed", "running", "completed", "failed"]),
  totalRows: z.number(),
  processedRows: z.number(),
  createdCount: z.number(),
  updatedCount: z.number(),
  unchangedCount: z.number(),
  rejectedCount: z.number(),
  hasReport: z.boolean(),
  /** Why it failed: an error reason code, worded by the UI with `errorParams`. */
  error: z.string().nullable(),
  errorParams: messageParamsSchema,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const listContactImportsOutput = z.array(contactImportOutput);
export const getContactImportOutput = contactImportOutput;
export const startContactImportOutput = contactImportOutput;

export const validateContactImportOutput = z.object({
  importId: z.string(),
  totalRows: z.number(),
  validRows: z.number(),
  rejectedRows: z.number(),
  /** Rows rejected because an earlier row has the same (canonical) phone; part of rejectedRows. */
  duplicateRows: z.number(),
  /** Valid rows that will create a contact / update an existing one. */
  newContacts: z.number(),
  existingContacts: z.number(),
  /** The first rejected rows with the reason (the full list comes as a CSV once imported). */
  rejected: z.array(
    z.object({
      rowNumber: z.number(),
      phone: z.string(),
      /** Why, as error reasons with parameters (`field`: the custom field's label); the UI words them. */
      issues: z.array(z.object({ reason: z.string(), params: messageParamsSchema })),
      duplicateOf: z.number().nullable(),
    }),
  ),
  consent: z
    .object({
      optedIn: z.number(),
      optedOut: z.number(),
      blank: z.number(),
      /** Rows saying "sim" for contacts who opted out: they stay out (an import never lifts an opt-out). */
      optOutKept: z.number(),
      values: z.array(
        z.object({
          value: z.string(),
          status: z.enum(["opted_in", "opted_out"]).nullable(),
          recognised: z.boolean(),
          rows: z.number(),
        }),
      ),
    })
    .nullable(),
  /** Tags the import will create (first ones). */
  newTags: z.array(z.string()),
  newTagCount: z.number(),
  /** A starting point for the evidence text. */
  suggestedEvidence: z.string().nullable(),
});
