import { withOrganization } from "../../db/tenant";
import { organizationWords } from "../../i18n/organization-words";
import type { AuditFilter } from "../../../shared/schemas/audit";
import { csvCell, csvLine, UTF8_BOM } from "../../../shared/csv-format";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { auditWhere } from "./audit-filter";
import { actorsById } from "./list-audit-entries";
import { recordAudit } from "./record-audit";
import { guardMemberAction } from "../member-holds/guard-member-action";

/** Rows per export: a period that holds more is narrowed by the filter (the page says so). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const COLUMNS = ["when", "actor", "actorEmail", "action", "targetType", "targetId", "details"] as const;

/**
 * The filtered audit log as CSV for Excel-BR (`;`, UTF-8 with BOM), newest first, in the organization's
 * locale and time zone. Exporting is itself audited, with the filter used.
 */
export async function exportAuditCsv(
  actor: Actor,
  input: { filter: AuditFilter },
): Promise<{ fileName: string; csv: string }> {
  requireRole(actor, "admin");
  await guardMemberAction(actor, "export");
  return withOrganization(actor.organizationId, async (tx) => {
    const organization = await tx.organization.findFirstOrThrow({
      where: { id: actor.organizationId },
      select: { timezone: true, locale: true },
    });
    const words = organizationWords(organization);
    const rows = await tx.auditLog.findMany({
      where: auditWhere(actor.organizationId, input.filter),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_EXPORT_MAX_ROWS,
    });
    const actors = await actorsById(
      tx,
      rows.map((r) => r.actorUserId),
    );
    const lines = [csvLine(COLUMNS.map((c) => csvCell(words.word(`exports.audit.columns.${c}`))))];
    for (const row of rows) {
      const who = row.actorUserId ? actors.get(row.actorUserId) : undefined;
      lines.push(
        csvLine([
          csvCell(words.dateTime(row.createdAt), { trusted: true }),
          csvCell(who?.name ?? ""),
          csvCell(who?.email ?? ""),
          csvCell(row.action),
          csvCell(row.targetType),
          csvCell(row.targetId),
          csvCell(JSON.stringify(row.metadata)),
        ]),
      );
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "audit.exported",
      targetType: "audit_log",
      metadata: { filter: JSON.parse(JSON.stringify(input.filter)), rows: rows.length },
    });
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: words.word("exports.audit.fileName", { day }), csv: UTF8_BOM + lines.join("") };
  });
}
