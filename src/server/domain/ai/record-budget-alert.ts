import { withOrganization, type Tx } from "../../db/tenant";
import { emitToOrganization } from "../../realtime/emitter";
import { recordAudit } from "../audit/record-audit";
import { BUDGET_ALERT_RATIO, monthSpend } from "./ai-spend";

type Notice = "ai_budget_alert" | "ai_budget_exhausted";

/**
 * The budget's notices, each once per month: at 80% of the budget and at 100% (AI paused, the local
 * engine takes over). The month is stamped on the organization (the IA page shows it while it is the
 * current month), audited, and put in the alerts bell of every member, live over Socket.IO. The
 * conditional update makes two concurrent calls give one notice.
 */
export async function recordBudgetAlert(organizationId: string): Promise<Notice[]> {
  const given = await withOrganization(organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { aiMonthlyBudget: true, timezone: true, currency: true },
    });
    if (organization.aiMonthlyBudget === null) return [];
    const budget = Number(organization.aiMonthlyBudget);
    const { month, spent } = await monthSpend(tx, organizationId, organization.timezone);
    const notices: { kind: Notice; id: string }[] = [];
    const facts = { month, spent, budget, currency: organization.currency };
    if (spent >= budget * BUDGET_ALERT_RATIO) {
      const id = await giveNotice(tx, organizationId, "ai_budget_alert", facts);
      if (id) notices.push({ kind: "ai_budget_alert", id });
    }
    if (spent >= budget) {
      const id = await giveNotice(tx, organizationId, "ai_budget_exhausted", facts);
      if (id) notices.push({ kind: "ai_budget_exhausted", id });
    }
    return notices;
  });
  for (const notice of given) await emitToOrganization(organizationId, "alert.notified", { notificationId: notice.id });
  return given.map((notice) => notice.kind);
}

async function giveNotice(
  tx: Tx,
  organizationId: string,
  kind: Notice,
  facts: { month: string; spent: number; budget: number; currency: string },
): Promise<string | null> {
  const { month } = facts;
  const stamped =
    kind === "ai_budget_alert"
      ? await tx.organization.updateMany({
          where: { id: organizationId, OR: [{ aiBudgetAlertMonth: null }, { aiBudgetAlertMonth: { not: month } }] },
          data: { aiBudgetAlertMonth: month },
        })
      : await tx.organization.updateMany({
          where: {
            id: organizationId,
            OR: [{ aiBudgetExhaustedMonth: null }, { aiBudgetExhaustedMonth: { not: month } }],
          },
          data: { aiBudgetExhaustedMonth: month },
        });
  if (!stamped.count) return null;
  const percent = Math.round((facts.spent / facts.budget) * 100);
  await recordAudit(tx, {
    organizationId,
    actorUserId: null,
    action: kind === "ai_budget_alert" ? "ai.budget_alert" : "ai.budget_exhausted",
    targetType: "organization",
    targetId: organizationId,
    metadata: { ...facts, percent },
  });
  const notification = await tx.alertNotification.create({
    data: {
      organizationId,
      ruleId: null,
      kind,
      subject: "organization",
      transition: "fired",
      params: {
        percent,
        spent: facts.spent.toFixed(2),
        budget: facts.budget.toFixed(2),
        currency: facts.currency,
      },
      occurredAt: new Date(),
    },
    select: { id: true },
  });
  return notification.id;
}
