import { withOrganization } from "../../db/tenant";
import { messageParamsSchema } from "../../../shared/schemas/message-params";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { listDeadDeliveriesOutput } from "./webhook-outputs";
import type { z } from "../../../shared/zod";

export type DeadDeliveryDto = z.infer<typeof listDeadDeliveriesOutput>[number];

/** Webhook deliveries given up on (malformed, or failing past the attempt limit), newest first. */
export async function listDeadDeliveries(actor: Actor, input: { limit: number }): Promise<DeadDeliveryDto[]> {
  return withOrganization(actor.organizationId, async (tx) => {
    const rows = await tx.webhookDelivery.findMany({
      where: { organizationId: actor.organizationId, deadAt: { not: null } },
      orderBy: { deadAt: "desc" },
      take: input.limit,
      select: {
        id: true,
        event: true,
        error: true,
        errorParams: true,
        attempts: true,
        receivedAt: true,
        deadAt: true,
        payload: true,
        rawBody: true,
        instance: { select: { id: true, name: true } },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      instance: row.instance,
      event: row.event,
      error: row.error,
      errorParams: messageParamsSchema.catch({}).parse(row.errorParams),
      attempts: row.attempts,
      receivedAt: row.receivedAt.toISOString(),
      deadAt: row.deadAt!.toISOString(),
      payloadPreview: (row.rawBody ? Buffer.from(row.rawBody).toString("utf8") : JSON.stringify(row.payload)).slice(
        0,
        1000,
      ),
    }));
  });
}

/** "Reprocessar": the delivery goes back to the queue with fresh attempts (after a fix, say). */
export async function reprocessDelivery(actor: Actor, input: { deliveryId: string }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const dead = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, organizationId: actor.organizationId, deadAt: { not: null } },
      select: { instanceId: true },
    });
    if (!dead) throw new AppError("NOT_FOUND", "deadDeliveryNotFound");
    await tx.webhookDelivery.update({
      where: { id: input.deliveryId },
      data: { deadAt: null, processedAt: null, attempts: 0, error: null, errorParams: {} },
    });
    await enqueue(
      "webhooks.drain",
      { organizationId: actor.organizationId, instanceId: dead.instanceId },
      { tx, singletonKey: dead.instanceId },
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "webhook.reprocessed",
      targetType: "webhook_delivery",
      targetId: input.deliveryId,
    });
  });
}
