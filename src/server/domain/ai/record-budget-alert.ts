import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { monthSpend } from "./ai-spend";

/**
 * The budget notice, once per month: when this month's spend reaches `ratio` of the budget, the month is
 * stamped on the organization (the IA page shows the notice while it is the current month) and audited.
 * The conditional update makes two concurrent calls give one notice.
 */
export async function recordBudgetAlert(organizationId: string, ratio: number): Promise<boolean> {
  return withOrganization(organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { aiMonthlyBudget: true, aiBudgetAlertMonth: true, timezone: true, currency: true },
    });
    if (organization.aiMonthlyBudget === null) return false;
    const budget = Number(organization.aiMonthlyBudget);
    const { month, spent } = await monthSpend(tx, organizationId, organization.timezone);
    if (organization.aiBudgetAlertMonth === month || spent < budget * ratio) return false;
    const stamped = await tx.organization.updateMany({
      where: { id: organizationId, OR: [{ aiBudgetAlertMonth: null }, { aiBudgetAlertMonth: { not: month } }] },
      data: { aiBudgetAlertMonth: month },
    });
    if (!stamped.count) return false;
    await recordAudit(tx, {
      organizationId,
      actorUserId: null,
      action: "ai.budget_alert",
      targetType: "organization",
      targetId: organizationId,
      metadata: { month, spent, budget, currency: organization.currency, percent: Math.round((spent / budget) * 100) },
    });
    return true;
  });
}
