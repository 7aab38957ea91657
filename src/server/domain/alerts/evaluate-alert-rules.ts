import { withOrganization, type Tx } from "../../db/tenant";
import { emitToOrganization } from "../../realtime/emitter";
import { alertKind, type AlertKind } from "../../../shared/schemas/alerts";
import { emitCampaignUpdated } from "../campaigns/emit-campaign-updated";
import { alertConditions, type AlertBreach } from "./alert-conditions";
import { applyAlertEffects } from "./alert-effects";
import { recordAlertNotification } from "./record-alert-notification";

export interface AlertEvaluation {
  fired: number;
  resolved: number;
}

interface RuleRow {
  id: string;
  kind: AlertKind;
  threshold: number;
  windowMinutes: number;
  cooldownMinutes: number;
  notifyEmail: boolean;
  notifyWebhook: boolean;
}

/**
 * Evaluates an organization's enabled rules at `now` (a parameter, so tests drive time): a breach fires once
 * per rule and subject until it clears, which records "resolved"; after that the same subject fires again
 * only when the cooldown since its last firing has passed.
 */
export async function evaluateAlertRules(input: { organizationId: string; now?: Date }): Promise<AlertEvaluation> {
  const now = input.now ?? new Date();
  const { organizationId } = input;
  const outcome = await withOrganization(organizationId, async (tx) => {
    // Two overlapping runs (a slow one and the next minute's) would both see "not firing" and both notify.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('alerts:' || ${organizationId}))`;
    const rules = await tx.alertRule.findMany({ where: { organizationId, enabled: true } });
    const totals: AlertEvaluation & { notificationIds: string[]; pausedCampaignIds: string[] } = {
      fired: 0,
      resolved: 0,
      notificationIds: [],
      pausedCampaignIds: [],
    };
    for (const rule of rules) {
      const kind = alertKind.safeParse(rule.kind);
      if (!kind.success) continue;
      const breaches = await alertConditions[kind.data](tx, {
        organizationId,
        threshold: rule.threshold,
        windowMinutes: rule.windowMinutes,
        now,
      });
      const ids = await applyBreaches(tx, organizationId, { ...rule, kind: kind.data }, breaches, now);
      totals.fired += ids.fired.length;
      totals.resolved += ids.resolved.length;
      totals.notificationIds.push(...ids.fired, ...ids.resolved);
      totals.pausedCampaignIds.push(...ids.pausedCampaignIds);
    }
    return totals;
  });
  for (const notificationId of outcome.notificationIds)
    await emitToOrganization(organizationId, "alert.notified", { notificationId });
  for (const campaignId of outcome.pausedCampaignIds) await emitCampaignUpdated(organizationId, campaignId);
  return { fired: outcome.fired, resolved: outcome.resolved };
}

async function applyBreaches(
  tx: Tx,
  organizationId: string,
  rule: RuleRow,
  breaches: AlertBreach[],
  now: Date,
): Promise<{ fired: string[]; resolved: string[]; pausedCampaignIds: string[] }> {
  const states = new Map(
    (await tx.alertState.findMany({ where: { ruleId: rule.id } })).map((state) => [state.subject, state]),
  );
  const fired: string[] = [];
  const resolved: string[] = [];
  const pausedCampaignIds: string[] = [];
  const cooldownMs = rule.cooldownMinutes * 60_000;
  for (const breach of breaches) {
    const state = states.get(breach.subject);
    if (state?.firing) continue;
    if (state && now.getTime() - state.firedAt.getTime() < cooldownMs) continue;
    await tx.alertState.upsert({
      where: { ruleId_subject: { ruleId: rule.id, subject: breach.subject } },
      create: { ruleId: rule.id, subject: breach.subject, organizationId, firing: true, firedAt: now },
      update: { firing: true, firedAt: now, resolvedAt: null },
    });
    fired.push(
      await recordAlertNotification(tx, {
        organizationId,
        rule,
        subject: breach.subject,
        transition: "fired",
        params: breach.params,
        now,
      }),
    );
    pausedCampaignIds.push(...(await applyAlertEffects(tx, { organizationId, kind: rule.kind, breach })));
  }
  const breaching = new Set(breaches.map((breach) => breach.subject));
  for (const state of states.values()) {
    if (!state.firing || breaching.has(state.subject)) continue;
    await tx.alertState.update({
      where: { ruleId_subject: { ruleId: rule.id, subject: state.subject } },
      data: { firing: false, resolvedAt: now },
    });
    // The resolution is worded with what the firing said (the number's name), not with values that are gone.
    const firing = await tx.alertNotification.findFirst({
      where: { ruleId: rule.id, subject: state.subject, transition: "fired" },
      orderBy: { occurredAt: "desc" },
      select: { params: true },
    });
    resolved.push(
      await recordAlertNotification(tx, {
        organizationId,
        rule,
        subject: state.subject,
        transition: "resolved",
        params: (firing?.params ?? {}) as Record<string, string | number>,
        now,
      }),
    );
  }
  return { fired, resolved, pausedCampaignIds };
}
