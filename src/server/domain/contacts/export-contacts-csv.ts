import { Prisma } from "../../db/generated/client";
import { withOrganization } from "../../db/tenant";
import type { ContactFilter } from "../../../shared/schemas/contacts";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { contactFilterSql } from "./contact-filter";
import { csvCell, csvLine, UTF8_BOM } from "../../../shared/csv-format";
import { organizationWords, type OrganizationWords } from "../../i18n/organization-words";
import { customFieldsOf } from "./custom-field-value";
import { guardMemberAction } from "../member-holds/guard-member-action";

const PAGE_SIZE = 1000;

interface ExportRow {
  id: string;
  name: string | null;
  push_name: string | null;
  phone_e164: string | null;
  consent_status: string;
  consent_legal_basis: string | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  custom_fields: unknown;
  last_interaction_at: Date | null;
  created_at: Date;
  tags: string[] | null;
}

/**
 * The contacts matching `filter` as CSV for Excel-BR (`;`, UTF-8 with BOM), produced page by page so
 * a large base streams without being held in memory. The export itself is audited (personal data
 * leaving the system), with the filter used.
 */
export async function exportContactsCsv(
  actor: Actor,
  input: { filter: ContactFilter },
): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  await guardMemberAction(actor, "export");
  const { fields, words } = await withOrganization(actor.organizationId, async (tx) => {
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "contacts.exported",
      targetType: "contact",
      metadata: { filter: input.filter as Prisma.InputJsonValue },
    });
    const organization = await tx.organization.findFirstOrThrow({
      where: { id: actor.organizationId },
      select: { timezone: true, locale: true },
    });
    const fields = await tx.contactField.findMany({
      where: { organizationId: actor.organizationId },
      select: { key: true, label: true, type: true },
      orderBy: { createdAt: "asc" },
    });
    return { fields, words: organizationWords(organization) };
  });
  const day = new Date().toISOString().slice(0, 10);
  return {
    fileName: words.word("exports.contacts.fileName", { day }),
    chunks: lines(actor, input.filter, fields, words),
  };
}

async function* lines(
  actor: Actor,
  filter: ContactFilter,
  fields: { key: string; label: string; type: string }[],
  words: OrganizationWords,
): AsyncGenerator<string> {
  const formatDate = words.dateTime;
  const columns = ["name", "phone", "whatsappName", "consent", "legalBasis", "blocked", "blockedReason", "tags"];
  const header = [
    ...[...columns, "lastInteraction", "createdAt"].map((column) => words.word(`exports.contacts.columns.${column}`)),
    ...fields.map((field) => field.label),
  ];
  yield UTF8_BOM + csvLine(header.map((cell) => csvCell(cell)));
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const page: ExportRow[] = await withOrganization(
      actor.organizationId,
      (tx) =>
        tx.$queryRaw<ExportRow[]>`
        SELECT ct.id, ct.name, ct.push_name, ct.phone_e164, ct.consent_status::text, ct.consent_legal_basis::text,
               ct.blocked_at, ct.blocked_reason, ct.custom_fields, ct.last_interaction_at, ct.created_at,
               (SELECT array_agg(t.name ORDER BY t.name) FROM contact_tags x JOIN tags t ON t.id = x.tag_id
                WHERE x.contact_id = ct.id) AS tags
        FROM contacts ct
        WHERE ${contactFilterSql(filter, { organizationId: actor.organizationId })}
          ${cursor ? Prisma.sql`AND ct.id > ${cursor}::uuid` : Prisma.empty}
        ORDER BY ct.id
        LIMIT ${PAGE_SIZE}`,
    );
    if (page.length === 0) return;
    let chunk = "";
    for (const row of page) {
      const values = customFieldsOf({ id: row.id, customFields: row.custom_fields });
      chunk += csvLine([
        csvCell(row.name),
        csvCell(row.phone_e164, { trusted: true }),
        csvCell(row.push_name),
        csvCell(words.word(`exports.contacts.consent.${row.consent_status}`)),
        csvCell(row.consent_legal_basis ? words.word(`exports.contacts.legalBases.${row.consent_legal_basis}`) : ""),
        csvCell(row.blocked_at ? words.word("exports.contacts.yes") : ""),
        csvCell(row.blocked_reason),
        csvCell((row.tags ?? []).join(", ")),
        csvCell(row.last_interaction_at ? formatDate(row.last_interaction_at) : "", { trusted: true }),
        csvCell(formatDate(row.created_at), { trusted: true }),
        ...fields.map((field) => fieldCell(field.type, values[field.key])),
      ]);
    }
    yield chunk;
    if (page.length < PAGE_SIZE) return;
    after = page.at(-1)!.id;
  }
}

function fieldCell(type: string, value: string | number | undefined): string {
  if (value === undefined) return "";
  if (type === "date" && typeof value === "string") {
    const [year, month, day] = value.split("-");
    return csvCell(`${day}/${month}/${year}`, { trusted: true });
  }
  return csvCell(value, { trusted: typeof value === "number" });
}
