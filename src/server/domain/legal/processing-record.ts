import { env } from "../../../env";
import type { Tx } from "../../db/tenant";
import { retentionDataKinds, type RetentionDataKindValue } from "../../../shared/schemas/privacy";
import type { z } from "../../../shared/zod";
import type { processingRecordOutput } from "./processing-record-outputs";
import { isInternationalTransfer, processorLocation } from "./processor-country";

export type ProcessingRecord = z.infer<typeof processingRecordOutput>;

/**
 * The record of processing (LGPD Art. 37) as the configuration stands: purposes with their legal bases,
 * categories and retention; processors with where they are (Res. 19/2024). Codes only; the UI words them.
 */
export async function buildProcessingRecord(
  tx: Tx,
  organizationId: string,
  now = new Date(),
): Promise<ProcessingRecord> {
  const [organization, instances, aiProvider, policies, contactBases, campaignBases] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    tx.instance.count({ where: { organizationId } }),
    tx.aiProvider.findUnique({ where: { organizationId }, select: { baseUrl: true, model: true } }),
    tx.retentionPolicy.findMany({ where: { organizationId } }),
    tx.contact.groupBy({ by: ["consentLegalBasis"], where: { organizationId }, _count: { _all: true } }),
    tx.campaign.groupBy({ by: ["legalBasis"], where: { organizationId }, _count: { _all: true } }),
  ]);
  const retention = retentionDataKinds.map((kind) => {
    const policy = policies.find((p) => p.kind === kind);
    return { kind, keepDays: policy?.enabled ? policy.keepDays : null };
  });
  const keep = (...kinds: RetentionDataKindValue[]) => retention.filter((r) => kinds.includes(r.kind));

  const evolution = processorLocation(env().evolution.url);
  const processors: ProcessingRecord["processors"] = [
    {
      role: "whatsapp_gateway",
      name: env().evolution.isSimulator ? "evolution_simulator" : "evolution_api",
      host: evolution.host,
      country: evolution.country,
      internationalTransfer: isInternationalTransfer(evolution.country),
      active: instances > 0,
    },
    {
      role: "whatsapp_network",
      name: "whatsapp",
      host: "whatsapp.net",
      country: "US",
      internationalTransfer: true,
      active: instances > 0,
    },
  ];
  const aiExternal = organization.aiExternalTransfer && aiProvider !== null;
  if (aiProvider) {
    const ai = processorLocation(aiProvider.baseUrl);
    processors.push({
      role: "ai_provider",
      name: aiProvider.model,
      host: ai.host,
      country: ai.country,
      internationalTransfer: isInternationalTransfer(ai.country),
      active: aiExternal,
    });
  }
  if (env().SMTP_URL) {
    const smtp = processorLocation(env().SMTP_URL!);
    processors.push({
      role: "email",
      name: "smtp",
      host: smtp.host,
      country: smtp.country,
      internationalTransfer: isInternationalTransfer(smtp.country),
      active: true,
    });
  }

  const outreachBases = campaignBases.map((c) => c.legalBasis);
  const activities: ProcessingRecord["activities"] = [
    {
      purpose: "customer_service",
      legalBases: ["contract"],
      dataSubjects: ["customers"],
      dataCategories: ["identification", "contact", "messages", "media"],
      retention: keep("messages", "media", "webhook_deliveries"),
      processors: ["whatsapp_gateway", "whatsapp_network"],
    },
    {
      purpose: "outreach_campaigns",
      legalBases: outreachBases.length ? [...new Set(outreachBases)] : ["consent"],
      dataSubjects: ["customers", "leads"],
      dataCategories: ["identification", "contact", "consent"],
      retention: keep("messages"),
      processors: ["whatsapp_gateway", "whatsapp_network"],
    },
    {
      purpose: "consent_records",
      legalBases: ["legal_obligation"],
      dataSubjects: ["customers", "leads"],
      dataCategories: ["contact", "consent"],
      retention: [],
      processors: [],
    },
    {
      purpose: "ai_assistance",
      legalBases: ["legitimate_interest"],
      dataSubjects: ["customers"],
      dataCategories: organization.aiRedactPersonalData ? ["messages"] : ["identification", "contact", "messages"],
      retention: [...keep("ai_insights"), { kind: "ai_calls", keepDays: organization.aiLogRetentionDays }],
      processors: aiExternal ? ["ai_provider"] : [],
    },
    {
      purpose: "security_and_audit",
      legalBases: ["legitimate_interest", "legal_obligation"],
      dataSubjects: ["members"],
      dataCategories: ["identification", "access_logs"],
      retention: keep("audit"),
      processors: [],
    },
  ];
  return {
    controller: { name: organization.name, dpoName: organization.dpoName, dpoEmail: organization.dpoEmail },
    generatedAt: now.toISOString(),
    activities,
    processors,
    contactLegalBases: contactBases.map((row) => ({ legalBasis: row.consentLegalBasis, contacts: row._count._all })),
    aiRedactsPersonalData: organization.aiRedactPersonalData,
  };
}
