import { randomUUID } from "node:crypto";
import { withOrganization } from "../../src/server/db/tenant";
import { storeWebhookDelivery } from "../../src/server/domain/instances/receive-webhook";
import { drainWebhookDeliveries } from "../../src/server/domain/webhooks/drain-webhook-deliveries";
import { parseDeliveryBody } from "../../src/server/domain/webhooks/parse-delivery-body";
import { whatsappProviderOfKind } from "../../src/server/whatsapp";
import { callerFor, makeOrganization } from "./factory";
import { simulator } from "./simulator-control";

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

/** `inboxFixture` with its number paired in the simulator and open. */
export async function connectedInboxFixture(phoneNumber = "5511900001111") {
  const fixture = await inboxFixture();
  await fixture.owner.instances.connect({ instanceId: fixture.instanceId });
  await simulator.scan(fixture.providerName, { phoneNumber });
  const deadline = Date.now() + 15_000;
  while ((await fixture.owner.instances.get({ instanceId: fixture.instanceId })).state !== "open") {
    if (Date.now() > deadline) throw new Error(`number ${fixture.providerName} did not connect`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return fixture;
}

/**
 * Stores a body through the intake statement the route uses (dedupe key from the parser) and drains the
 * instance in this process, as the worker does. Returns false when the intake dropped it as a duplicate.
 */
export async function deliver(
  organizationId: string,
  instanceId: string,
  body: unknown,
  options: { process?: boolean } = {},
): Promise<{ stored: boolean; deliveryId: string | null }> {
  const raw = Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  let dedupeKey: string;
  let event = "unknown";
  try {
    const parsed = whatsappProviderOfKind("evolution").parseWebhook(parseDeliveryBody(raw));
    dedupeKey = parsed.dedupeKey;
    event = parsed.event;
  } catch {
    dedupeKey = `malformed:${randomUUID()}`;
  }
  const secretHash = await withOrganization(
    organizationId,
    async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: instanceId } })).webhookSecretHash,
  );
  const stored = await storeWebhookDelivery({ organizationId, instanceId, secretHash, event, dedupeKey, body: raw });
  if (stored.stored && options.process !== false) await drainWebhookDeliveries({ organizationId, instanceId });
  return stored;
}

export async function inboxCounts(organizationId: string) {
  return withOrganization(organizationId, async (tx) => ({
    contacts: await tx.contact.count(),
    conversations: await tx.conversation.count(),
    messages: await tx.message.count(),
  }));
}
