import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { toSummaryDto, type SummaryDto } from "./summary-dto";

/** The conversation's newest summary, whatever made it. */
export async function getConversationSummary(
  actor: Actor,
  input: { conversationId: string },
): Promise<SummaryDto | null> {
  const row = await withOrganization(actor.organizationId, (tx) =>
    tx.conversationSummary.findFirst({
      where: { conversationId: input.conversationId, organizationId: actor.organizationId },
      orderBy: { createdAt: "desc" },
    }),
  );
  return row ? toSummaryDto(row) : null;
}
