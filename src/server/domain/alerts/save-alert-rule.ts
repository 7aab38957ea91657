import { withOrganization } from "../../db/tenant";
import { scheduleForOrganization } from "../../jobs/enqueue";
import type { SaveAlertRuleInput } from "../../../shared/schemas/alerts";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { AlertRuleDto } from "./list-alert-rules";

/** Creates or updates the organization's rule of a kind (one per kind, so saving twice changes nothing). */
export async function saveAlertRule(actor: Actor, input: SaveAlertRuleInput): Promise<AlertRuleDto> {
  const rule = await withOrganization(actor.organizationId, async (tx) => {
    const { kind, ...settings } = input;
    const saved = await tx.alertRule.upsert({
      where: { organizationId_kind: { organizationId: actor.organizationId, kind } },
      create: { organizationId: actor.organizationId, kind, ...settings },
      update: settings,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "alert_rule.saved",
      targetType: "alert_rule",
      targetId: saved.id,
      metadata: { ...input },
    });
    return saved;
  });
  await scheduleForOrganization("alerts.evaluate", actor.organizationId);
  return { ...input, id: rule.id };
}
