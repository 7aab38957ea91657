import { AppError } from "../../src/server/errors";
import type {
  ChatRef,
  ConnectResult,
  CreatedInstance,
  FoundMessage,
  ParsedWebhook,
  ProviderEvent,
  RemoteInstance,
  SentMessage,
  WebhookConfig,
  WhatsAppProvider,
} from "../../src/server/whatsapp/provider";
import { z } from "../../src/shared/zod";

/**
 * A second, minimal WhatsApp provider for contract tests: it implements the port, and nothing of
 * Evolution. Its webhook speaks a WhatsApp Cloud API–shaped format (entry → changes → value with
 * `messages`, `statuses`, and an `account_update` for the connection); groups come as opaque
 * `group:<id>` addresses. Sends are recorded, not delivered anywhere.
 */
export const CLOUD_LIKE_KIND = "cloud-like";

const textMessage = z.object({
  id: z.string().min(1),
  from: z.string().regex(/^\d+$/),
  /** Set for a group message: the group's opaque id. */
  group_id: z.string().min(1).optional(),
  timestamp: z.string().regex(/^\d+$/),
  type: z.literal("text"),
  text: z.object({ body: z.string() }),
});

const status = z.object({
  id: z.string().min(1),
  recipient_id: z.string().regex(/^\d+$/),
  status: z.enum(["sent", "delivered", "read", "failed"]),
  timestamp: z.string().regex(/^\d+$/),
});

const change = z.discriminatedUnion("field", [
  z.object({
    field: z.literal("messages"),
    value: z.object({
      metadata: z.object({ instance: z.string().min(1) }),
      contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }) })).default([]),
      messages: z.array(textMessage).default([]),
      statuses: z.array(status).default([]),
    }),
  }),
  z.object({
    field: z.literal("account_update"),
    value: z.object({
      instance: z.string().min(1),
      event: z.enum(["CONNECTED", "DISCONNECTED", "ACCOUNT_BANNED"]),
      phone_number: z.string().regex(/^\d+$/).optional(),
    }),
  }),
]);

const webhookBody = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.object({ id: z.string(), changes: z.array(change).min(1) })).length(1),
});

const seconds = (text: string) => new Date(Number(text) * 1000);

function eventsOf(value: z.infer<typeof change>): ProviderEvent[] {
  if (value.field === "account_update") {
    const { instance, event, phone_number } = value.value;
    return [
      {
        kind: "connection.changed",
        instanceName: instance,
        state: event === "CONNECTED" ? "open" : "close",
        reason: event === "ACCOUNT_BANNED" ? "banned" : event === "DISCONNECTED" ? "connection_lost" : null,
        phoneNumber: phone_number ?? null,
        profileName: null,
        profilePictureUrl: null,
      },
    ];
  }
  const { metadata, contacts, messages, statuses } = value.value;
  const nameOf = (phone: string) => contacts.find((c) => c.wa_id === phone)?.profile.name ?? null;
  return [
    ...messages.map((message): ProviderEvent => {
      const chat: ChatRef = message.group_id
        ? { kind: "group", address: `group:${message.group_id}` }
        : { kind: "direct", address: message.from, phone: message.from, lid: null };
      return {
        kind: "message.received",
        instanceName: metadata.instance,
        message: {
          providerMessageId: message.id,
          chat,
          fromMe: false,
          sender: { phone: message.from, lid: null, name: nameOf(message.from) },
          timestamp: seconds(message.timestamp),
          status: "delivered",
          content: { type: "text", text: message.text.body, linkPreview: null },
          quotedProviderMessageId: null,
          origin: "upsert",
        },
      };
    }),
    ...statuses.map((entry): ProviderEvent => ({
      kind: "message.status",
      instanceName: metadata.instance,
      providerMessageId: entry.id,
      chat: entry.recipient_id,
      fromMe: true,
      status: entry.status,
    })),
  ];
}

export interface CloudLikeProvider extends WhatsAppProvider {
  /** Every send the domain asked for, in order. */
  readonly sent: { instanceName: string; to: string; text: string; providerMessageId: string }[];
  /** Webhooks registered per instance name. */
  readonly webhooks: Map<string, WebhookConfig>;
}

export function createCloudLikeProvider(): CloudLikeProvider {
  const webhooks = new Map<string, WebhookConfig>();
  const sent: CloudLikeProvider["sent"] = [];
  const records: FoundMessage[] = [];
  const unsupported = (what: string) => () =>
    Promise.reject(new AppError("BAD_REQUEST", "providerOperationUnsupported", { params: { operation: what } }));

  const recordSend = (instanceName: string, to: string, text: string): SentMessage => {
    const providerMessageId = `wamid.${sent.length + 1}`;
    sent.push({ instanceName, to, text, providerMessageId });
    const message = { providerMessageId, chat: to, status: "sent" as const, timestamp: new Date() };
    records.push({ ...message, fromMe: true });
    return message;
  };

  return {
    kind: CLOUD_LIKE_KIND,
    sent,
    webhooks,
    async createInstance(input): Promise<CreatedInstance> {
      webhooks.set(input.name, { ...input.webhook, enabled: true });
      return { externalId: `phone-number-${input.name}`, name: input.name, token: "cloud-like-token", state: "close" };
    },
    async connect(): Promise<ConnectResult> {
      // A Cloud API number is registered once: it is connected, there is no QR.
      return { kind: "open" };
    },
    async connectionState() {
      return "open";
    },
    async fetchInstances(): Promise<RemoteInstance[]> {
      return [...webhooks.keys()].map((name) => ({
        externalId: `phone-number-${name}`,
        name,
        state: "open",
        phoneNumber: null,
        profileName: null,
        profilePictureUrl: null,
        disconnectReason: null,
      }));
    },
    async restart() {},
    async logout() {},
    async deleteInstance(instanceName) {
      webhooks.delete(instanceName);
    },
    async setWebhook(instanceName, webhook) {
      webhooks.set(instanceName, webhook);
    },
    async findWebhook(instanceName) {
      return webhooks.get(instanceName) ?? null;
    },
    async sendText(input) {
      return recordSend(input.instanceName, input.to, input.text);
    },
    async sendMedia(input) {
      return recordSend(input.instanceName, input.to, input.caption ?? "");
    },
    async checkNumbers(_instanceName, numbers) {
      return numbers.map((number) => ({ input: number, exists: true, chat: number, name: null }));
    },
    async findMessages(_instanceName, query) {
      return records.filter(
        (record) =>
          (!query.chat || record.chat === query.chat) &&
          (!query.providerMessageId || record.providerMessageId === query.providerMessageId),
      );
    },
    getMedia: unsupported("media download"),
    async markAsRead() {},
    circuitState() {
      return { state: "closed", consecutiveFailures: 0, openedAt: null, lastError: null };
    },
    parseWebhook(body): ParsedWebhook {
      const parsed = webhookBody.safeParse(body);
      if (!parsed.success)
        throw new AppError("VALIDATION", "deliveryMalformed", { details: { issues: parsed.error.issues } });
      const [entry] = parsed.data.entry;
      const events = entry!.changes.flatMap(eventsOf);
      const first = entry!.changes[0]!;
      return {
        event: first.field,
        instanceName: first.field === "messages" ? first.value.metadata.instance : first.value.instance,
        // The provider's own ids make a redelivery of the same change the same key.
        dedupeKey: `${first.field}:${entry!.id}`,
        occurredAt: new Date(),
        sequenceAt: null,
        events,
      };
    },
    sendFailure() {
      return "maybe-sent";
    },
  };
}
