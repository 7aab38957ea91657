import { Prisma } from "../../db/generated/client";
import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { listConversationsInput } from "../../../shared/schemas/inbox";
import type { Actor } from "../members/actor";
import { conversationDtos } from "./conversation-dto";
import type { listConversationsOutput } from "./conversation-outputs";

export type ConversationPage = z.infer<typeof listConversationsOutput>;

/**
 * The inbox list, most recent activity first, by keyset (activity time, id): a deep page costs what
 * the first one does. Filters map onto the (organization, status | assignee, activity, id) indexes.
 */
export async function listConversations(
  actor: Actor,
  input: z.infer<typeof listConversationsInput>,
): Promise<ConversationPage> {
  return withOrganization(actor.organizationId, async (tx) => {
    const conditions: Prisma.Sql[] = [Prisma.sql`c.organization_id = ${actor.organizationId}::uuid`];
    if (input.status) conditions.push(Prisma.sql`c.status = ${input.status}::"ConversationStatus"`);
    if (input.instanceId) conditions.push(Prisma.sql`c.instance_id = ${input.instanceId}::uuid`);
    if (input.assignee === "me") conditions.push(Prisma.sql`c.assignee_id = ${actor.userId}::uuid`);
    else if (input.assignee === "none") conditions.push(Prisma.sql`c.assignee_id IS NULL`);
    else if (input.assignee) conditions.push(Prisma.sql`c.assignee_id = ${input.assignee}::uuid`);
    if (input.unreadOnly) conditions.push(Prisma.sql`c.unread_count > 0`);
    if (input.tagId)
      conditions.push(
        Prisma.sql`EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id AND t.tag_id = ${input.tagId}::uuid)`,
      );
    if (input.aiLabel)
      conditions.push(
        Prisma.sql`EXISTS (SELECT 1 FROM messages m JOIN message_insights i ON i.message_id = m.id
          WHERE m.conversation_id = c.id
            AND (CASE WHEN i.review = 'corrected' THEN i.reviewed_label ELSE i.label END) = ${input.aiLabel})`,
      );
    if (input.fromDay || input.toDay) conditions.push(messageOnDays(actor.organizationId, input.fromDay, input.toDay));
    if (input.cursor)
      conditions.push(
        Prisma.sql`(c.last_activity_at, c.id) < (${new Date(input.cursor.at)}, ${input.cursor.id}::uuid)`,
      );
    const rows = await tx.$queryRaw<{ id: string; last_activity_at: Date }[]>`
      SELECT c.id, c.last_activity_at FROM conversations c
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY c.last_activity_at DESC, c.id DESC
      LIMIT ${input.limit + 1}`;
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: await conversationDtos(
        tx,
        page.map((row) => row.id),
      ),
      nextCursor: rows.length > input.limit && last ? { at: last.last_activity_at.toISOString(), id: last.id } : null,
    };
  });
}

/** A message sent between the start of `fromDay` and the end of `toDay`, days of the organization's timezone. */
function messageOnDays(organizationId: string, fromDay?: string, toDay?: string): Prisma.Sql {
  const zone = Prisma.sql`(SELECT timezone FROM organizations WHERE id = ${organizationId}::uuid)`;
  const bounds: Prisma.Sql[] = [];
  if (fromDay) bounds.push(Prisma.sql`m.sent_at >= (${fromDay}::date)::timestamp AT TIME ZONE ${zone}`);
  if (toDay) bounds.push(Prisma.sql`m.sent_at < (${toDay}::date + 1)::timestamp AT TIME ZONE ${zone}`);
  return Prisma.sql`EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND ${Prisma.join(bounds, " AND ")})`;
}
