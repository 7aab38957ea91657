import { legalBases } from "../../../shared/schemas/contacts";
import { retentionDataKinds } from "../../../shared/schemas/privacy";
import { z } from "../../../shared/zod";

const processorRole = z.enum(["whatsapp_gateway", "whatsapp_network", "ai_provider", "email"]);

export const processingRecordOutput = z.object({
  controller: z.object({ name: z.string(), dpoName: z.string().nullable(), dpoEmail: z.string().nullable() }),
  generatedAt: z.string(),
  activities: z.array(
    z.object({
      purpose: z.enum([
        "customer_service",
        "outreach_campaigns",
        "consent_records",
        "ai_assistance",
        "security_and_audit",
      ]),
      legalBases: z.array(z.enum(legalBases)),
      dataSubjects: z.array(z.enum(["customers", "leads", "members"])),
      dataCategories: z.array(z.enum(["identification", "contact", "messages", "media", "consent", "access_logs"])),
      /** keepDays null: kept until deleted (no retention policy enabled). */
      retention: z.array(
        z.object({ kind: z.enum([...retentionDataKinds, "ai_calls"]), keepDays: z.number().nullable() }),
      ),
      processors: z.array(processorRole),
    }),
  ),
  processors: z.array(
    z.object({
      role: processorRole,
      /** A product or model name (data, not words). */
      name: z.string(),
      host: z.string(),
      /** ISO 3166-1 alpha-2, `local` (this machine or its network) or `unknown`. */
      country: z.string(),
      internationalTransfer: z.boolean(),
      /** Whether personal data goes there with the current settings. */
      active: z.boolean(),
    }),
  ),
  contactLegalBases: z.array(z.object({ legalBasis: z.enum(legalBases).nullable(), contacts: z.number() })),
  aiRedactsPersonalData: z.boolean(),
});
