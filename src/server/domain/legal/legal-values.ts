import type { Tx } from "../../db/tenant";
import { organizationWords } from "../../i18n/organization-words";
import { buildProcessingRecord } from "./processing-record";

/**
 * The values a legal template's placeholders take at publication, worded in the organization's locale
 * (like a CSV export): the published text is what people read, frozen with its version.
 */
export async function legalTemplateValues(
  tx: Tx,
  organizationId: string,
  version: number,
): Promise<Record<string, string>> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const record = await buildProcessingRecord(tx, organizationId);
  const words = organizationWords(organization);
  const processors = record.processors
    .filter((p) => p.active)
    .map((p) =>
      words.word("legal.render.processor", {
        role: words.word(`legal.processorRole.${p.role}`),
        host: p.host,
        country: words.has(`legal.country.${p.country}`) ? words.word(`legal.country.${p.country}`) : p.country,
        transfer: p.internationalTransfer ? "yes" : "no",
      }),
    );
  const retention = record.activities
    .flatMap((a) => a.retention)
    .filter((r, index, all) => all.findIndex((o) => o.kind === r.kind) === index)
    .map((r) =>
      words.word("legal.render.retention", {
        kind: words.word(`legal.retentionKind.${r.kind}`),
        days: r.keepDays ?? -1,
      }),
    );
  return {
    organizationName: organization.name,
    dpoName: organization.dpoName ?? "",
    dpoEmail: organization.dpoEmail ?? "",
    version: String(version),
    processors: processors.join("\n") || words.word("legal.render.noProcessors"),
    retention: retention.join("\n"),
  };
}
