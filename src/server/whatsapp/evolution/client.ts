import { classifySendFailure } from "./send-failure";
import { parseEvolutionWebhook } from "./webhook";
import { CircuitBreaker } from "../circuit-breaker";
import {
  webhookEventNames,
  type FoundMessage,
  type SentMessage,
  type WebhookEventName,
  type WhatsAppProvider,
} from "../provider";
import { failureReason } from "./errors";
import { createEvolutionHttp } from "./http";
import { chatKind, phoneFromJid } from "./jid";
import { dateFromEpochSeconds, deliveryStatus, furthestStatus, qrCodeFrom } from "./mapping";
import {
  connectionStateResponse,
  connectResponse,
  createInstanceResponse,
  fetchInstancesResponse,
  findMessagesResponse,
  findWebhookResponse,
  ignoredResponse,
  mediaResponse,
  sentMessageResponse,
  whatsappNumbersResponse,
} from "./schemas";
import type { z } from "../../../shared/zod";

export interface EvolutionProviderOptions {
  breaker?: CircuitBreaker;
  /** Per-attempt timeout for ordinary calls (default 15 s). */
  timeoutMs?: number;
  /** Per-attempt timeout for calls that move media bytes (default 60 s). */
  mediaTimeoutMs?: number;
  /** Extra attempts for idempotent calls (default 2). */
  retries?: number;
  backoffBaseMs?: number;
  fetch?: typeof fetch;
}

const webhookEvents = new Set<string>(webhookEventNames);

function isWebhookEventName(name: string): name is WebhookEventName {
  return webhookEvents.has(name);
}

/** The instance name is the last path segment of every instance-scoped route. */
function instancePath(prefix: string, instanceName: string): string {
  return `${prefix}/${encodeURIComponent(instanceName)}`;
}

/**
 * Per-instance webhook body shared by create and `webhook/set`: one URL for every event (byEvents off),
 * media inline as base64 so the inbox needs no second download.
 */
function webhookBody(webhook: { url: string; headers: Record<string, string>; events: WebhookEventName[] }) {
  return { url: webhook.url, headers: webhook.headers, byEvents: false, base64: true, events: webhook.events };
}

function sentMessageFrom(body: z.infer<typeof sentMessageResponse>): SentMessage {
  return {
    providerMessageId: body.key.id,
    chatId: body.key.remoteJid,
    status: deliveryStatus(body.status) ?? "pending",
    timestamp: dateFromEpochSeconds(body.messageTimestamp),
  };
}

export function createEvolutionProvider(options: EvolutionProviderOptions = {}): WhatsAppProvider {
  const breaker = options.breaker ?? new CircuitBreaker();
  const mediaTimeoutMs = options.mediaTimeoutMs ?? 60_000;
  const http = createEvolutionHttp({
    breaker,
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 2,
    backoffBaseMs: options.backoffBaseMs ?? 250,
    fetch: options.fetch ?? globalThis.fetch,
  });

  return {
    async createInstance(server, input) {
      const created = await http(server, {
        method: "POST",
        path: "/instance/create",
        body: { instanceName: input.name, integration: "WHATSAPP-BAILEYS", webhook: webhookBody(input.webhook) },
        idempotent: false,
        response: createInstanceResponse,
      });
      return {
        externalId: created.instance.instanceId,
        name: created.instance.instanceName,
        token: created.hash,
        state: created.instance.status,
      };
    },

    async connect(server, instanceName, connectOptions) {
      const answer = await http(server, {
        method: "GET",
        path: instancePath("/instance/connect", instanceName),
        query: { number: connectOptions?.phoneNumber },
        idempotent: true,
        response: connectResponse,
      });
      return "instance" in answer ? { kind: "open" } : { kind: "qr", qr: qrCodeFrom(answer) };
    },

    async connectionState(server, instanceName) {
      const answer = await http(server, {
        method: "GET",
        path: instancePath("/instance/connectionState", instanceName),
        idempotent: true,
        response: connectionStateResponse,
      });
      return answer.instance.state;
    },

    async fetchInstances(server) {
      const rows = await http(server, {
        method: "GET",
        path: "/instance/fetchInstances",
        idempotent: true,
        response: fetchInstancesResponse,
      });
      return rows.map((row) => ({
        externalId: row.id,
        name: row.name,
        state: row.connectionStatus,
        phoneNumber: phoneFromJid(row.ownerJid),
        profileName: row.profileName ?? null,
        profilePictureUrl: row.profilePicUrl ?? null,
        disconnectionReasonCode: row.disconnectionReasonCode ?? null,
      }));
    },

    async restart(server, instanceName) {
      await http(server, {
        method: "POST",
        path: instancePath("/instance/restart", instanceName),
        idempotent: false,
        response: ignoredResponse,
      });
    },

    async logout(server, instanceName) {
      try {
        await http(server, {
          method: "DELETE",
          path: instancePath("/instance/logout", instanceName),
          idempotent: false,
          response: ignoredResponse,
        });
      } catch (error) {
        // 2.3.x refuses to log out a closed instance; the goal (logged out) is already met, as 2.4.0 agrees.
        if (failureReason(error) !== "not-connected") throw error;
      }
    },

    async deleteInstance(server, instanceName) {
      try {
        await http(server, {
          method: "DELETE",
          path: instancePath("/instance/delete", instanceName),
          idempotent: false,
          response: ignoredResponse,
        });
      } catch (error) {
        // Already gone (e.g. a retried job whose first attempt deleted it): the goal is met.
        if (failureReason(error) !== "instance-not-found") throw error;
      }
    },

    async setWebhook(server, instanceName, webhook) {
      await http(server, {
        method: "POST",
        path: instancePath("/webhook/set", instanceName),
        body: { webhook: { enabled: webhook.enabled, ...webhookBody(webhook) } },
        // An upsert of the instance's one webhook row: repeating it leaves the same state.
        idempotent: true,
        response: ignoredResponse,
      });
    },

    async findWebhook(server, instanceName) {
      const row = await http(server, {
        method: "GET",
        path: instancePath("/webhook/find", instanceName),
        idempotent: true,
        response: findWebhookResponse,
      });
      if (!row) return null;
      return {
        url: row.url,
        headers: row.headers ?? {},
        enabled: row.enabled,
        // The port names only the events Mirage uses; Evolution stores every name when given `events: []`.
        events: (row.events ?? []).filter(isWebhookEventName),
      };
    },

    async sendText(server, input) {
      const sent = await http(server, {
        method: "POST",
        path: instancePath("/message/sendText", input.instanceName),
        body: {
          number: input.to,
          text: input.text,
          ...(input.quotedMessageId ? { quoted: { key: { id: input.quotedMessageId } } } : {}),
        },
        idempotent: false,
        response: sentMessageResponse,
      });
      return sentMessageFrom(sent);
    },

    async sendMedia(server, input) {
      const sent = await http(server, {
        method: "POST",
        path: instancePath("/message/sendMedia", input.instanceName),
        body: {
          number: input.to,
          mediatype: input.mediaType,
          mimetype: input.mimeType,
          media: input.media,
          fileName: input.fileName,
          caption: input.caption,
        },
        idempotent: false,
        timeoutMs: mediaTimeoutMs,
        response: sentMessageResponse,
      });
      return sentMessageFrom(sent);
    },

    async checkNumbers(server, instanceName, numbers) {
      // Evolution rejects an empty or repeated list.
      const unique = [...new Set(numbers)];
      if (unique.length === 0) return [];
      const results = await http(server, {
        method: "POST",
        path: instancePath("/chat/whatsappNumbers", instanceName),
        body: { numbers: unique },
        idempotent: true,
        response: whatsappNumbersResponse,
      });
      // Results are regrouped by kind (users, groups, LIDs), so they are matched by the echoed `number`.
      return results.map((result) => ({
        input: result.number,
        exists: result.exists,
        chatId: result.jid,
        name: result.name ?? null,
      }));
    },

    async findMessages(server, instanceName, query) {
      const answer = await http(server, {
        method: "POST",
        path: instancePath("/chat/findMessages", instanceName),
        body: {
          where: { key: { remoteJid: query.chatId, id: query.providerMessageId } },
          page: query.page ?? 1,
          // Evolution calls the page size `offset`.
          offset: query.pageSize ?? 50,
        },
        idempotent: true,
        response: findMessagesResponse,
      });
      return answer.messages.records.map((record): FoundMessage => ({
        providerMessageId: record.key.id,
        chatId: record.key.remoteJid,
        fromMe: record.key.fromMe ?? false,
        status: furthestStatus([
          deliveryStatus(record.status),
          ...(record.MessageUpdate ?? []).map((update) => deliveryStatus(update.status)),
        ]),
        timestamp: dateFromEpochSeconds(record.messageTimestamp),
      }));
    },

    async getMedia(server, instanceName, providerMessageId) {
      const media = await http(server, {
        method: "POST",
        path: instancePath("/chat/getBase64FromMediaMessage", instanceName),
        // Just the key: Evolution loads the message (and its media key) from its own database.
        body: { message: { key: { id: providerMessageId } }, convertToMp4: false },
        idempotent: true,
        timeoutMs: mediaTimeoutMs,
        response: mediaResponse,
      });
      return {
        base64: media.base64,
        mimeType: media.mimetype,
        fileName: media.fileName,
        size: media.size?.fileLength ?? null,
      };
    },

    async markAsRead(server, instanceName, messages) {
      // Evolution silently skips keys that are neither a user nor a group chat (e.g. `@lid`); skip them here too.
      const readable = messages.filter(({ chatId }) => {
        const kind = chatKind(chatId);
        return kind === "user" || kind === "group";
      });
      if (readable.length === 0) return;
      await http(server, {
        method: "POST",
        path: instancePath("/chat/markMessageAsRead", instanceName),
        body: {
          readMessages: readable.map((m) => ({ remoteJid: m.chatId, fromMe: m.fromMe, id: m.providerMessageId })),
        },
        // Marking read twice leaves the same state.
        idempotent: true,
        response: ignoredResponse,
      });
    },

    circuitState(serverId: string) {
      return breaker.state(serverId);
    },

    parseWebhook: parseEvolutionWebhook,
    sendFailure: classifySendFailure,
  };
}
