import { classifySendFailure } from "./send-failure";
import { parseEvolutionWebhook } from "./webhook";
import { CircuitBreaker } from "../circuit-breaker";
import type { FoundMessage, SentMessage, WhatsAppProvider } from "../provider";
import { disconnectReasonOf } from "./disconnect-reason";
import { failureReason } from "./errors";
import { createEvolutionHttp } from "./http";
import { addressFromJid, chatKind, jidFromAddress, phoneFromJid } from "./jid";
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
import type { ProviderServer } from "./server";
import { webhookEventNames } from "./webhook-events";

export interface EvolutionProviderOptions {
  /** The Evolution server this provider talks to. */
  server: ProviderServer;
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

/** The instance name is the last path segment of every instance-scoped route. */
function instancePath(prefix: string, instanceName: string): string {
  return `${prefix}/${encodeURIComponent(instanceName)}`;
}

/**
 * Per-instance webhook body shared by create and `webhook/set`: one URL for every event Mirage reads
 * (byEvents off), media inline as base64 so the inbox needs no second download.
 */
function webhookBody(webhook: { url: string; headers: Record<string, string> }) {
  return { url: webhook.url, headers: webhook.headers, byEvents: false, base64: true, events: [...webhookEventNames] };
}

function sentMessageFrom(body: z.infer<typeof sentMessageResponse>): SentMessage {
  return {
    providerMessageId: body.key.id,
    chat: addressFromJid(body.key.remoteJid),
    status: deliveryStatus(body.status) ?? "pending",
    timestamp: dateFromEpochSeconds(body.messageTimestamp),
  };
}

/** The provider port over one Evolution API server: neutral addresses and events in, Evolution's wire format out. */
export function createEvolutionProvider(options: EvolutionProviderOptions): WhatsAppProvider {
  const { server } = options;
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
    kind: "evolution",

    async createInstance(input) {
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

    async connect(instanceName, connectOptions) {
      const answer = await http(server, {
        method: "GET",
        path: instancePath("/instance/connect", instanceName),
        query: { number: connectOptions?.phoneNumber },
        idempotent: true,
        response: connectResponse,
      });
      return "instance" in answer ? { kind: "open" } : { kind: "qr", qr: qrCodeFrom(answer) };
    },

    async connectionState(instanceName) {
      const answer = await http(server, {
        method: "GET",
        path: instancePath("/instance/connectionState", instanceName),
        idempotent: true,
        response: connectionStateResponse,
      });
      return answer.instance.state;
    },

    async fetchInstances() {
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
        disconnectReason: disconnectReasonOf(row.disconnectionReasonCode),
      }));
    },

    async restart(instanceName) {
      await http(server, {
        method: "POST",
        path: instancePath("/instance/restart", instanceName),
        idempotent: false,
        response: ignoredResponse,
      });
    },

    async logout(instanceName) {
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

    async deleteInstance(instanceName) {
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

    async setWebhook(instanceName, webhook) {
      await http(server, {
        method: "POST",
        path: instancePath("/webhook/set", instanceName),
        body: { webhook: { enabled: webhook.enabled, ...webhookBody(webhook) } },
        // An upsert of the instance's one webhook row: repeating it leaves the same state.
        idempotent: true,
        response: ignoredResponse,
      });
    },

    async findWebhook(instanceName) {
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
      };
    },

    async sendText(input) {
      const sent = await http(server, {
        method: "POST",
        path: instancePath("/message/sendText", input.instanceName),
        body: {
          number: jidFromAddress(input.to),
          text: input.text,
          ...(input.quotedMessageId ? { quoted: { key: { id: input.quotedMessageId } } } : {}),
        },
        idempotent: false,
        response: sentMessageResponse,
      });
      return sentMessageFrom(sent);
    },

    async sendMedia(input) {
      const sent = await http(server, {
        method: "POST",
        path: instancePath("/message/sendMedia", input.instanceName),
        body: {
          number: jidFromAddress(input.to),
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

    async checkNumbers(instanceName, numbers) {
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
        chat: addressFromJid(result.jid),
        name: result.name ?? null,
      }));
    },

    async findMessages(instanceName, query) {
      const answer = await http(server, {
        method: "POST",
        path: instancePath("/chat/findMessages", instanceName),
        body: {
          where: {
            key: {
              remoteJid: query.chat === undefined ? undefined : jidFromAddress(query.chat),
              id: query.providerMessageId,
            },
          },
          page: query.page ?? 1,
          // Evolution calls the page size `offset`.
          offset: query.pageSize ?? 50,
        },
        idempotent: true,
        response: findMessagesResponse,
      });
      return answer.messages.records.map((record): FoundMessage => ({
        providerMessageId: record.key.id,
        chat: addressFromJid(record.key.remoteJid),
        fromMe: record.key.fromMe ?? false,
        status: furthestStatus([
          deliveryStatus(record.status),
          ...(record.MessageUpdate ?? []).map((update) => deliveryStatus(update.status)),
        ]),
        timestamp: dateFromEpochSeconds(record.messageTimestamp),
      }));
    },

    async getMedia(instanceName, providerMessageId) {
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

    async markAsRead(instanceName, messages) {
      // Evolution silently skips keys that are neither a user nor a group chat (e.g. `@lid`); skip them here too.
      const readable = messages
        .map((message) => ({ ...message, jid: jidFromAddress(message.chat) }))
        .filter(({ jid }) => {
          const kind = chatKind(jid);
          return kind === "user" || kind === "group";
        });
      if (readable.length === 0) return;
      await http(server, {
        method: "POST",
        path: instancePath("/chat/markMessageAsRead", instanceName),
        body: {
          readMessages: readable.map((m) => ({ remoteJid: m.jid, fromMe: m.fromMe, id: m.providerMessageId })),
        },
        // Marking read twice leaves the same state.
        idempotent: true,
        response: ignoredResponse,
      });
    },

    circuitState() {
      return breaker.state(server.id);
    },

    parseWebhook: parseEvolutionWebhook,
    sendFailure: classifySendFailure,
  };
}
