import type { Tx } from "../../db/tenant";

/** The newest reviewed messages an evaluation reads: enough to compare versions, bounded in cost. */
export const EVALUATION_SET_LIMIT = 200;

export interface EvaluationItem {
  messageId: string;
  text: string;
  /** The label an agent confirmed or corrected it to (null: none fits). */
  truth: string | null;
  contactId: string | null;
}

/**
 * The evaluation set: inbound texts whose label an agent confirmed or corrected (the truth), newest first.
 * Confirmed ones are kept with the corrected ones, or the set would hold only the machine's mistakes.
 * Contacts marked "sem IA" are left out: their words never go to a provider.
 */
export function evaluationSetWhere(organizationId: string) {
  return {
    organizationId,
    review: { not: null },
    message: { type: "text" as const, body: { not: null }, conversation: { contact: { aiOptOut: false } } },
  };
}

export async function loadEvaluationSet(tx: Tx, organizationId: string): Promise<EvaluationItem[]> {
  const rows = await tx.messageInsight.findMany({
    where: evaluationSetWhere(organizationId),
    orderBy: { reviewedAt: "desc" },
    take: EVALUATION_SET_LIMIT,
    select: {
      messageId: true,
      reviewedLabel: true,
      message: { select: { body: true, conversation: { select: { contactId: true } } } },
    },
  });
  return rows.map((row) => ({
    messageId: row.messageId,
    text: row.message.body!,
    truth: row.reviewedLabel,
    contactId: row.message.conversation.contactId,
  }));
}

export async function countEvaluationSet(tx: Tx, organizationId: string): Promise<number> {
  return Math.min(await tx.messageInsight.count({ where: evaluationSetWhere(organizationId) }), EVALUATION_SET_LIMIT);
}
