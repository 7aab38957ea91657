import { isErrorReason } from "../../../shared/error-reasons";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { organizationWords, type OrganizationWords } from "../../i18n/organization-words";
import type { Actor } from "../members/actor";
import { guardMemberAction } from "../member-holds/guard-member-action";

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const columns = [
  "name",
  "phone",
  "status",
  "reason",
  "variant",
  "number",
  "sentAt",
  "deliveredAt",
  "readAt",
  "repliedAt",
  "optedOutAt",
] as const;

/** A recipient's reason worded like the campaign page words it: exclusion or skip code, or a send's error reason. */
function reasonWords(words: OrganizationWords, reason: unknown): string {
  if (typeof reason !== "string" || !reason) return "";
  if (words.has(`campaigns.reasons.${reason}`)) return words.word(`campaigns.reasons.${reason}`);
  return isErrorReason(reason) ? words.word(`errors.${reason}`) : words.word("campaigns.reasons.unknown");
}

/**
 * The execution report: one line per recipient with status, reason, number and times (CSV, ";" for
 * Excel-BR), worded and dated in the organization's locale and time zone.
 */
export async function exportCampaignReport(
  actor: Actor,
  input: { campaignId: string },
): Promise<{ fileName: string; csv: string }> {
  await guardMemberAction(actor, "export");
  return withOrganization(actor.organizationId, async (tx) => {
    const campaign = await tx.campaign.findFirst({
      where: { id: input.campaignId, organizationId: actor.organizationId },
      select: { name: true, organization: { select: { locale: true, timezone: true } } },
    });
    if (!campaign) throw new AppError("NOT_FOUND", "campaignNotFound");
    const words = organizationWords(campaign.organization);
    const rows = await tx.$queryRaw<Record<string, unknown>[]>`
      SELECT c.name, c.push_name, c.phone_e164, r.status::text, r.reason, r.variant, i.name AS instance,
             r.claimed_at, r.sent_at, r.delivered_at, r.read_at, r.replied_at, r.opted_out_at
      FROM campaign_recipients r JOIN contacts c ON c.id = r.contact_id LEFT JOIN instances i ON i.id = r.instance_id
      WHERE r.campaign_id = ${input.campaignId}::uuid ORDER BY r.created_at`;
    const when = (value: unknown) => (value instanceof Date ? words.dateTime(value) : "");
    const header = columns.map((column) => words.word(`exports.campaignReport.columns.${column}`));
    const lines = rows.map((r) =>
      [
        r.name ?? r.push_name,
        r.phone_e164,
        words.word(`exports.campaignReport.statuses.${String(r.status)}`),
        reasonWords(words, r.reason),
        Number(r.variant) + 1,
        r.instance,
        when(r.sent_at),
        when(r.delivered_at),
        when(r.read_at),
        when(r.replied_at),
        when(r.opted_out_at),
      ]
        .map(csvCell)
        .join(";"),
    );
    const slug = campaign.name
      .normalize("NFD")
      .replace(/[^\w]+/g, "-")
      .toLowerCase();
    return {
      fileName: words.word("exports.campaignReport.fileName", { slug }),
      csv: `\uFEFF${[header.join(";"), ...lines].join("\r\n")}\r\n`,
    };
  });
}
