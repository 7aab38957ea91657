import { randomUUID } from "node:crypto";
import { withOrganization } from "../../src/server/db/tenant";
import { processWebhookDelivery } from "../../src/server/domain/instances/process-webhook-delivery";
import { whatsappProvider } from "../../src/server/whatsapp";
import type { Prisma } from "../../src/server/db/client";
import { callerFor, makeOrganization } from "./factory";

/** An organization with one instance (registered at the simulator), for feeding webhook bodies directly. */
export async function inboxFixture(name = "Atendimento") {
  const org = await makeOrganization();
  const owner = callerFor(org.ownerId, org.organizationId);
  const instance = await owner.instances.create({ name, purpose: "atendimento", dailySendLimit: 500 });
  const providerName = await withOrganization(
    org.organizationId,
    async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: instance.id } })).providerName,
  );
  return { org, owner, instanceId: instance.id, providerName };
}

/**
 * Stores a body as the intake route would (dedupe key from the parser) and processes it in this
 * process, as the worker does. Returns false when the intake would have dropped it as a duplicate.
 */
export async function deliver(
  organizationId: string,
  instanceId: string,
  body: unknown,
  options: { process?: boolean } = {},
): Promise<{ stored: boolean; deliveryId: string | null }> {
  let dedupeKey: string;
  let event = "unknown";
  try {
    const parsed = whatsappProvider().parseWebhook(body);
    dedupeKey = parsed.dedupeKey;
    event = parsed.event;
  } catch {
    dedupeKey = `malformed:${randomUUID()}`;
  }
  const deliveryId = await withOrganization(organizationId, async (tx) => {
    const rows = await tx.webhookDelivery.createManyAndReturn({
      data: [{ organizationId, instanceId, event, dedupeKey, payload: body as Prisma.InputJsonValue }],
      skipDuplicates: true,
      select: { id: true },
    });
    return rows[0]?.id ?? null;
  });
  if (deliveryId && options.process !== false) await processWebhookDelivery({ organizationId, deliveryId });
  return { stored: deliveryId !== null, deliveryId };
}

export async function inboxCounts(organizationId: string) {
  return withOrganization(organizationId, async (tx) => ({
    contacts: await tx.contact.count(),
    conversations: await tx.conversation.count(),
    messages: await tx.message.count(),
  }));
}
