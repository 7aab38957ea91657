import { withOrganization } from "../../db/tenant";
import { alertKinds, alertRuleDefaults, type AlertKind } from "../../../shared/schemas/alerts";
import type { Actor } from "../members/actor";

export interface AlertRuleDto {
  id: string | null;
  kind: AlertKind;
  enabled: boolean;
  threshold: number;
  windowMinutes: number;
  cooldownMinutes: number;
  notifyEmail: boolean;
  notifyWebhook: boolean;
}

/** Every kind, saved or not: an unsaved kind shows its defaults, switched off (id null). */
export async function listAlertRules(actor: Actor): Promise<AlertRuleDto[]> {
  const saved = await withOrganization(actor.organizationId, (tx) =>
    tx.alertRule.findMany({ where: { organizationId: actor.organizationId } }),
  );
  const byKind = new Map(saved.map((rule) => [rule.kind, rule]));
  return alertKinds.map((kind) => {
    const rule = byKind.get(kind);
    if (!rule)
      return {
        id: null,
        kind,
        enabled: false,
        ...alertRuleDefaults[kind],
        cooldownMinutes: 60,
        notifyEmail: false,
        notifyWebhook: false,
      };
    return {
      id: rule.id,
      kind,
      enabled: rule.enabled,
      threshold: rule.threshold,
      windowMinutes: rule.windowMinutes,
      cooldownMinutes: rule.cooldownMinutes,
      notifyEmail: rule.notifyEmail,
      notifyWebhook: rule.notifyWebhook,
    };
  });
}
