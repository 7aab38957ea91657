import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { createInstance } from "~/server/domain/instances/create-instance";
import { receiveWebhook } from "~/server/domain/instances/receive-webhook";
import { deliverMessage } from "~/server/domain/messages/deliver-message";
import { drainWebhookDeliveries } from "~/server/domain/webhooks/drain-webhook-deliveries";
import { registerWhatsAppProvider } from "~/server/whatsapp";
import { CLOUD_LIKE_KIND, createCloudLikeProvider } from "../support/cloud-like-provider";
import { callerFor, makeOrganization } from "../support/factory";

// The stack's worker runs in another process and cannot reach a provider that lives in this test, so
// jobs are kept here and run by the test itself, as the worker would run them.
const jobs = vi.hoisted(() => [] as { name: string; payload: { organizationId: string; messageId?: string } }[]);
vi.mock("~/server/jobs/enqueue", () => ({
  enqueue: async (name: string, payload: { organizationId: string }) => {
    jobs.push({ name, payload });
    return randomUUID();
  },
  scheduleForOrganization: async () => undefined,
  setEnqueueBoss: () => undefined,
  stopSenderBoss: async () => undefined,
}));

const provider = createCloudLikeProvider();
let unregister: () => void;
beforeAll(() => {
  unregister = registerWhatsAppProvider(provider);
});
afterAll(() => unregister());

let entrySequence = 0;
const body = (change: unknown) =>
  Buffer.from(
    JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: `e${++entrySequence}`, changes: [change] }] }),
  );
const inboundText = (instance: string, message: { id: string; from: string; text: string; group?: string }) =>
  body({
    field: "messages",
    value: {
      metadata: { instance },
      contacts: [{ wa_id: message.from, profile: { name: "Maria" } }],
      messages: [
        {
          id: message.id,
          from: message.from,
          ...(message.group ? { group_id: message.group } : {}),
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: "text",
          text: { body: message.text },
        },
      ],
    },
  });

/** Runs the `messages.send` jobs enqueued so far, as the worker would. */
async function runSendJobs() {
  for (const job of jobs.splice(0).filter((j) => j.name === "messages.send"))
    await deliverMessage({ organizationId: job.payload.organizationId, messageId: job.payload.messageId! });
}

/** An organization with one instance created on the cloud-like provider, and its webhook intake. */
async function cloudInstance(name: string) {
  const org = await makeOrganization();
  const owner = callerFor(org.ownerId, org.organizationId);
  const actor = { userId: org.ownerId, organizationId: org.organizationId, role: "owner" as const };
  const instance = await createInstance(actor, {
    name,
    purpose: "atendimento",
    dailySendLimit: 100,
    provider: CLOUD_LIKE_KIND,
  });
  const row = await withOrganization(org.organizationId, (tx) =>
    tx.instance.findUniqueOrThrow({ where: { id: instance.id } }),
  );
  const webhook = provider.webhooks.get(row.providerName)!;
  /** Through the intake the route uses, with the secret the provider was given. */
  const receive = (raw: Buffer) =>
    receiveWebhook({
      provider: CLOUD_LIKE_KIND,
      organizationId: org.organizationId,
      instanceId: instance.id,
      secret: webhook.headers["x-mirage-webhook-secret"]!,
      body: raw,
    });
  /** Applies the stored deliveries, as the worker's drain job does. */
  const drain = () => drainWebhookDeliveries({ organizationId: org.organizationId, instanceId: instance.id });
  return { org, owner, instance, row, webhook, receive, drain };
}

describe("provider port contract: a second provider needs no domain change", () => {
  it("an inbound message and a reply go through the domain on a Cloud API–shaped provider", async () => {
    const { org, owner, instance, row, webhook, receive, drain } = await cloudInstance("Cloud");
    expect(row.provider).toBe(CLOUD_LIKE_KIND);
    expect(webhook.url).toMatch(new RegExp(`/api/webhooks/${CLOUD_LIKE_KIND}/${org.organizationId}/${instance.id}$`));

    await receive(
      body({
        field: "account_update",
        value: { instance: row.providerName, event: "CONNECTED", phone_number: "5511900001111" },
      }),
    );
    await drain();
    expect((await owner.instances.get({ instanceId: instance.id })).state).toBe("open");

    const inbound = inboundText(row.providerName, { id: "wamid.in1", from: "5511987654321", text: "Oi, tudo bem?" });
    expect((await receive(inbound)).stored).toBe(true);
    expect((await receive(inbound)).stored).toBe(false); // a redelivery is a no-op
    await drain();

    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    expect(conversation).toMatchObject({ kind: "direct", title: "Maria", phone: "+5511987654321" });
    const detail = await owner.conversations.get({ conversationId: conversation!.id });
    // The neutral address of a phone chat: its E.164 digits, whatever provider reported it.
    expect(detail.chatAddress).toBe("5511987654321");
    const messages = await owner.conversations.messages({ conversationId: conversation!.id, limit: 10 });
    expect(messages.items.map((m) => [m.direction, m.body])).toEqual([["inbound", "Oi, tudo bem?"]]);

    const reply = await owner.conversations.reply({
      conversationId: conversation!.id,
      clientMessageId: randomUUID(),
      body: "Tudo ótimo!",
    });
    await runSendJobs();
    expect(provider.sent).toContainEqual(
      expect.objectContaining({ instanceName: row.providerName, to: "5511987654321", text: "Tudo ótimo!" }),
    );
    const providerMessageId = provider.sent.find((s) => s.text === "Tudo ótimo!")!.providerMessageId;
    const statusOf = async () =>
      (await owner.conversations.messages({ conversationId: conversation!.id, limit: 10 })).items.find(
        (m) => m.id === reply.id,
      )!;
    expect(await statusOf()).toMatchObject({ status: "sent", providerMessageId });

    await receive(
      body({
        field: "messages",
        value: {
          metadata: { instance: row.providerName },
          statuses: [
            { id: providerMessageId, recipient_id: "5511987654321", status: "read", timestamp: String(Date.now()) },
          ],
        },
      }),
    );
    await drain();
    expect((await statusOf()).status).toBe("read");
  });

  it("a group's opaque address is stored as given and replies go back to it", async () => {
    const { owner, row, receive: store, drain } = await cloudInstance("Cloud groups");
    const { providerName } = row;
    const receive = async (raw: Buffer) => {
      await store(raw);
      await drain();
    };
    await receive(body({ field: "account_update", value: { instance: providerName, event: "CONNECTED" } }));
    await receive(
      inboundText(providerName, { id: "wamid.g1", from: "5521998765432", text: "Bom dia", group: "team42" }),
    );

    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    expect(conversation).toMatchObject({ kind: "group", title: null, untitledGroup: "team42" });
    expect((await owner.conversations.get({ conversationId: conversation!.id })).chatAddress).toBe("group:team42");

    await owner.conversations.reply({
      conversationId: conversation!.id,
      clientMessageId: randomUUID(),
      body: "Bom dia!",
    });
    await runSendJobs();
    expect(provider.sent).toContainEqual(expect.objectContaining({ to: "group:team42", text: "Bom dia!" }));
  });
});
