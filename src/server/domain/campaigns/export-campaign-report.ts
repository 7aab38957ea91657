import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";

const csvCell = (value: unknown) => {
  const text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? "" : String(value);
  return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The execution report: one line per recipient with status, reason, number and times (CSV, ";" for Excel-BR). */
export async function exportCampaignReport(
  actor: Actor,
  input: { campaignId: string },
): Promise<{ fileName: string; csv: string }> {
  return withOrganization(actor.organizationId, async (tx) => {
    const campaign = await tx.campaign.findFirst({
      where: { id: input.campaignId, organizationId: actor.organizationId },
      select: { name: true },
    });
    if (!campaign) throw new AppError("NOT_FOUND", "campaignNotFound");
    const rows = await tx.$queryRaw<Record<string, unknown>[]>`
      SELECT c.name, c.push_name, c.phone_e164, r.status, r.reason, r.variant, i.name AS instance,
             r.claimed_at, r.sent_at, r.delivered_at, r.read_at, r.replied_at, r.opted_out_at
      FROM campaign_recipients r JOIN contacts c ON c.id = r.contact_id LEFT JOIN instances i ON i.id = r.instance_id
      WHERE r.campaign_id = ${input.campaignId}::uuid ORDER BY r.created_at`;
    const header = [
      "nome",
      "telefone",
      "status",
      "motivo",
      "variacao",
      "numero",
      "enviado_em",
      "entregue_em",
      "lido_em",
      "respondido_em",
      "descadastrado_em",
    ];
    const lines = rows.map((r) =>
      [
        r.name ?? r.push_name,
        r.phone_e164,
        r.status,
        r.reason,
        Number(r.variant) + 1,
        r.instance,
        r.sent_at,
        r.delivered_at,
        r.read_at,
        r.replied_at,
        r.opted_out_at,
      ]
        .map(csvCell)
        .join(";"),
    );
    const slug = campaign.name
      .normalize("NFD")
      .replace(/[^\w]+/g, "-")
      .toLowerCase();
    return { fileName: `campanha-${slug}.csv`, csv: `\uFEFF${[header.join(";"), ...lines].join("\r\n")}\r\n` };
  });
}
