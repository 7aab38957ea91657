import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CircuitBreaker } from "../circuit-breaker";
import type { ProviderServer } from "./server";
import { webhookEventNames } from "./webhook-events";
import { createEvolutionProvider, type EvolutionProviderOptions } from "./client";

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What the stub answers: JSON by default, `raw` for a non-JSON body, `hang` to never answer. */
type Reply = { status: number; json?: unknown; raw?: string } | "hang";

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real HTTP server on a free port standing in for Evolution API; records every request. */
async function stubEvolution(answer: (request: ReceivedRequest, index: number) => Reply) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(request);
      const reply = answer(request, requests.length - 1);
      if (reply === "hang") return;
      res.writeHead(reply.status, { "content-type": reply.raw === undefined ? "application/json" : "text/html" });
      res.end(reply.raw ?? (reply.json === undefined ? "" : JSON.stringify(reply.json)));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const evolution: ProviderServer = { id: `stub-${port}`, baseUrl: `http://127.0.0.1:${port}/`, apiKey: "GLOBAL-KEY" };
  return { evolution, requests };
}

function provider(server: ProviderServer, options: Partial<EvolutionProviderOptions> = {}) {
  return createEvolutionProvider({ server, backoffBaseMs: 1, ...options });
}

const unavailable = {
  status: 503,
  json: { status: 503, error: "Service Unavailable", response: { message: ["busy"] } },
};
const sentBody = {
  key: { remoteJid: "553199998888@s.whatsapp.net", fromMe: true, id: "3EB0A1B2C3D4E5F6A7B8C9" },
  pushName: "Você",
  status: "PENDING",
  message: { conversation: "Olá!" },
  contextInfo: { mentionedJid: [] },
  messageType: "conversation",
  messageTimestamp: 1761057639,
  instanceId: "0b8c2f9e-3c1e-4c6a-9d7e-5a1f2b3c4d5e",
  source: "web",
};

describe("Evolution provider: requests", () => {
  it("creates a Baileys instance with its webhook, authenticated by the apikey header", async () => {
    const { evolution, requests } = await stubEvolution(() => ({
      status: 201,
      json: {
        instance: {
          instanceName: "acme",
          instanceId: "0b8c2f9e-3c1e-4c6a-9d7e-5a1f2b3c4d5e",
          integration: "WHATSAPP-BAILEYS",
          status: "close",
        },
        hash: "6F1A9C0E-2B7D-4E55-9A31-0C8D7E6F5A4B",
        webhook: { webhookUrl: "https://mirage.example.com/hook", webhookByEvents: false, webhookBase64: true },
        settings: {},
      },
    }));
    const created = await provider(evolution).createInstance({
      name: "acme",
      webhook: {
        url: "https://mirage.example.com/hook",
        headers: { "x-mirage-secret": "s3cr3t" },
      },
    });
    expect(created).toEqual({
      externalId: "0b8c2f9e-3c1e-4c6a-9d7e-5a1f2b3c4d5e",
      name: "acme",
      token: "6F1A9C0E-2B7D-4E55-9A31-0C8D7E6F5A4B",
      state: "close",
    });
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: "/instance/create",
      headers: { apikey: "GLOBAL-KEY", "content-type": "application/json" },
      body: {
        instanceName: "acme",
        integration: "WHATSAPP-BAILEYS",
        webhook: {
          url: "https://mirage.example.com/hook",
          headers: { "x-mirage-secret": "s3cr3t" },
          byEvents: false,
          base64: true,
          events: [...webhookEventNames],
        },
      },
    });
  });

  it("connects with ?number= for a pairing code and reads the QR, or reports an open instance", async () => {
    const { evolution, requests } = await stubEvolution((request) =>
      request.url.startsWith("/instance/connect/acme")
        ? {
            status: 200,
            json: { pairingCode: "WZYEH1YY", code: "2@abc", base64: "data:image/png;base64,iVBOR", count: 1 },
          }
        : { status: 200, json: { instance: { instanceName: "open one", state: "open" } } },
    );
    const evo = provider(evolution);
    await expect(evo.connect("acme", { phoneNumber: "5511987654321" })).resolves.toEqual({
      kind: "qr",
      qr: { dataUrl: "data:image/png;base64,iVBOR", code: "2@abc", pairingCode: "WZYEH1YY", count: 1 },
    });
    await expect(evo.connect("open one")).resolves.toEqual({ kind: "open" });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /instance/connect/acme?number=5511987654321",
      "GET /instance/connect/open%20one",
    ]);
  });

  it("treats connect's {count: 0} (no QR yet) as an empty QR", async () => {
    const { evolution } = await stubEvolution(() => ({ status: 200, json: { count: 0 } }));
    await expect(provider(evolution).connect("acme")).resolves.toEqual({
      kind: "qr",
      qr: { dataUrl: null, code: null, pairingCode: null, count: 0 },
    });
  });

  it("reads the connection state and the instance list", async () => {
    const { evolution } = await stubEvolution((request) =>
      request.url.startsWith("/instance/connectionState")
        ? { status: 200, json: { instance: { instanceName: "acme", state: "connecting" } } }
        : {
            status: 200,
            json: [
              {
                id: "0b8c2f9e-3c1e-4c6a-9d7e-5a1f2b3c4d5e",
                name: "acme",
                connectionStatus: "open",
                ownerJid: "5511987654321@s.whatsapp.net",
                profileName: "Acme Store",
                profilePicUrl: "https://pps.whatsapp.net/abc.jpg",
                integration: "WHATSAPP-BAILEYS",
                token: "6F1A9C0E",
                disconnectionReasonCode: null,
                Setting: { rejectCall: false },
                _count: { Message: 120 },
              },
              {
                id: "1c",
                name: "fresh",
                connectionStatus: "close",
                ownerJid: null,
                profileName: null,
                profilePicUrl: null,
                disconnectionReasonCode: 401,
              },
            ],
          },
    );
    const evo = provider(evolution);
    await expect(evo.connectionState("acme")).resolves.toBe("connecting");
    await expect(evo.fetchInstances()).resolves.toEqual([
      {
        externalId: "0b8c2f9e-3c1e-4c6a-9d7e-5a1f2b3c4d5e",
        name: "acme",
        state: "open",
        phoneNumber: "5511987654321",
        profileName: "Acme Store",
        profilePictureUrl: "https://pps.whatsapp.net/abc.jpg",
        disconnectReason: null,
      },
      {
        externalId: "1c",
        name: "fresh",
        state: "close",
        phoneNumber: null,
        profileName: null,
        profilePictureUrl: null,
        disconnectReason: "logged_out",
      },
    ]);
  });

  it("restarts with POST, logs out and deletes with DELETE", async () => {
    const done = {
      status: 200,
      json: { status: "SUCCESS", error: false, response: { message: "Instance logged out" } },
    };
    const { evolution, requests } = await stubEvolution(() => done);
    const evo = provider(evolution);
    await evo.restart("acme");
    await evo.logout("acme");
    await evo.deleteInstance("acme");
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /instance/restart/acme",
      "DELETE /instance/logout/acme",
      "DELETE /instance/delete/acme",
    ]);
  });

  it("treats logging out a closed instance and deleting a missing one as done", async () => {
    const { evolution } = await stubEvolution((request) =>
      request.url.startsWith("/instance/logout")
        ? {
            status: 400,
            json: {
              status: 400,
              error: "Bad Request",
              response: { message: ['The "acme" instance is not connected'] },
            },
          }
        : {
            status: 404,
            json: { status: 404, error: "Not Found", response: { message: ['The "acme" instance does not exist'] } },
          },
    );
    const evo = provider(evolution);
    await expect(evo.logout("acme")).resolves.toBeUndefined();
    await expect(evo.deleteInstance("acme")).resolves.toBeUndefined();
  });

  it("sets the webhook nested under `webhook` and reads it back", async () => {
    const { evolution, requests } = await stubEvolution((request) =>
      request.method === "POST"
        ? { status: 201, json: { id: "cm2", url: "https://mirage.example.com/hook", enabled: true, events: [] } }
        : {
            status: 200,
            json: {
              id: "cm2",
              url: "https://mirage.example.com/hook",
              headers: { "x-mirage-secret": "s3cr3t" },
              enabled: true,
              events: ["MESSAGES_UPSERT", "CONNECTION_UPDATE", "CHATS_UPSERT"],
              webhookByEvents: false,
              webhookBase64: true,
            },
          },
    );
    const evo = provider(evolution);
    await evo.setWebhook("acme", {
      url: "https://mirage.example.com/hook",
      headers: { "x-mirage-secret": "s3cr3t" },
      enabled: true,
    });
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: "/webhook/set/acme",
      body: {
        webhook: {
          enabled: true,
          url: "https://mirage.example.com/hook",
          headers: { "x-mirage-secret": "s3cr3t" },
          byEvents: false,
          base64: true,
          events: [...webhookEventNames],
        },
      },
    });
    await expect(evo.findWebhook("acme")).resolves.toEqual({
      url: "https://mirage.example.com/hook",
      headers: { "x-mirage-secret": "s3cr3t" },
      enabled: true,
    });
    expect(requests[1]).toMatchObject({ method: "GET", url: "/webhook/find/acme" });
  });

  it("reads a missing webhook as null", async () => {
    const { evolution } = await stubEvolution(() => ({ status: 200, raw: "null" }));
    await expect(provider(evolution).findWebhook("acme")).resolves.toBeNull();
  });

  it("sends text (quoting a message) and media to the phone JID, returning the canonical chat address", async () => {
    const { evolution, requests } = await stubEvolution(() => ({ status: 201, json: sentBody }));
    const evo = provider(evolution);
    const expected = {
      providerMessageId: "3EB0A1B2C3D4E5F6A7B8C9",
      chat: "553199998888",
      status: "pending",
      timestamp: new Date(1761057639 * 1000),
    };
    await expect(
      evo.sendText({ instanceName: "acme", to: "5531999998888", text: "Olá!", quotedMessageId: "3A5F" }),
    ).resolves.toEqual(expected);
    await expect(
      evo.sendMedia({
        instanceName: "acme",
        to: "5531999998888",
        mediaType: "image",
        mimeType: "image/png",
        media: "https://cdn.example.com/menu.png",
        fileName: "menu.png",
        caption: "Cardápio",
      }),
    ).resolves.toEqual(expected);
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: "/message/sendText/acme",
      body: { number: "5531999998888@s.whatsapp.net", text: "Olá!", quoted: { key: { id: "3A5F" } } },
    });
    expect(requests[1]).toMatchObject({
      method: "POST",
      url: "/message/sendMedia/acme",
      body: {
        number: "5531999998888@s.whatsapp.net",
        mediatype: "image",
        mimetype: "image/png",
        media: "https://cdn.example.com/menu.png",
        fileName: "menu.png",
        caption: "Cardápio",
      },
    });
    expect(requests[0]!.body).not.toHaveProperty("delay");
  });

  it("checks numbers, deduplicating the list and skipping the call for an empty one", async () => {
    const { evolution, requests } = await stubEvolution(() => ({
      status: 200,
      json: [
        { jid: "5511987654321@s.whatsapp.net", exists: true, number: "5511987654321", name: "Maria" },
        { jid: "553199998888@s.whatsapp.net", exists: true, number: "5531999998888" },
        { jid: "5511900000000@s.whatsapp.net", exists: false, number: "5511900000000" },
      ],
    }));
    const evo = provider(evolution);
    await expect(evo.checkNumbers("acme", [])).resolves.toEqual([]);
    await expect(
      evo.checkNumbers("acme", ["5511987654321", "5531999998888", "5511900000000", "5511987654321"]),
    ).resolves.toEqual([
      { input: "5511987654321", exists: true, chat: "5511987654321", name: "Maria" },
      { input: "5531999998888", exists: true, chat: "553199998888", name: null },
      { input: "5511900000000", exists: false, chat: "5511900000000", name: null },
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      url: "/chat/whatsappNumbers/acme",
      body: { numbers: ["5511987654321", "5531999998888", "5511900000000"] },
    });
  });

  it("finds messages with their furthest status", async () => {
    const { evolution, requests } = await stubEvolution(() => ({
      status: 200,
      json: {
        messages: {
          total: 1,
          pages: 1,
          currentPage: 1,
          records: [
            {
              id: "cm2xk",
              key: { remoteJid: "5511987654321@s.whatsapp.net", fromMe: true, id: "3EB0A1" },
              messageType: "conversation",
              message: { conversation: "Oi" },
              messageTimestamp: 1761057600,
              MessageUpdate: [{ status: "READ" }, { status: "DELIVERY_ACK" }],
            },
          ],
        },
      },
    }));
    await expect(
      provider(evolution).findMessages("acme", {
        chat: "5511987654321",
        providerMessageId: "3EB0A1",
        pageSize: 10,
      }),
    ).resolves.toEqual([
      {
        providerMessageId: "3EB0A1",
        chat: "5511987654321",
        fromMe: true,
        status: "read",
        timestamp: new Date(1761057600 * 1000),
      },
    ]);
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: "/chat/findMessages/acme",
      body: { where: { key: { remoteJid: "5511987654321@s.whatsapp.net", id: "3EB0A1" } }, page: 1, offset: 10 },
    });
  });

  it("downloads media by message id, reading a Long file size", async () => {
    const { evolution, requests } = await stubEvolution(() => ({
      status: 201,
      json: {
        mediaType: "imageMessage",
        fileName: "3A5F.jpeg",
        caption: "foto",
        size: { fileLength: { low: 52342, high: 0, unsigned: true }, height: 1280, width: 960 },
        mimetype: "image/jpeg",
        base64: "/9j/4AAQ",
        buffer: null,
      },
    }));
    await expect(provider(evolution).getMedia("acme", "3A5F")).resolves.toEqual({
      base64: "/9j/4AAQ",
      mimeType: "image/jpeg",
      fileName: "3A5F.jpeg",
      size: 52342,
    });
    expect(requests[0]).toMatchObject({
      url: "/chat/getBase64FromMediaMessage/acme",
      body: { message: { key: { id: "3A5F" } }, convertToMp4: false },
    });
  });

  it("marks as read only the chats Evolution would not skip", async () => {
    const { evolution, requests } = await stubEvolution(() => ({
      status: 201,
      json: { message: "Read messages", read: "success" },
    }));
    const evo = provider(evolution);
    await evo.markAsRead("acme", [{ chat: "201234567890123@lid", providerMessageId: "L1", fromMe: false }]);
    expect(requests).toHaveLength(0);
    await evo.markAsRead("acme", [
      { chat: "5511987654321", providerMessageId: "A1", fromMe: false },
      { chat: "201234567890123@lid", providerMessageId: "L1", fromMe: false },
      { chat: "120363025246125888@g.us", providerMessageId: "G1", fromMe: false },
    ]);
    expect(requests[0]).toMatchObject({
      url: "/chat/markMessageAsRead/acme",
      body: {
        readMessages: [
          { remoteJid: "5511987654321@s.whatsapp.net", fromMe: false, id: "A1" },
          { remoteJid: "120363025246125888@g.us", fromMe: false, id: "G1" },
        ],
      },
    });
  });
});

describe("Evolution provider: errors", () => {
  it("maps a 401 with a string message", async () => {
    const { evolution } = await stubEvolution(() => ({
      status: 401,
      json: { status: 401, error: "Unauthorized", response: { message: "Unauthorized" } },
    }));
    await expect(provider(evolution).connectionState("acme")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      reason: "evolutionUnauthorized",
    });
  });

  it("maps a 404 for an unknown instance to NOT_FOUND", async () => {
    const { evolution } = await stubEvolution(() => ({
      status: 404,
      json: { status: 404, error: "Not Found", response: { message: ['The "ghost" instance does not exist'] } },
    }));
    await expect(provider(evolution).connectionState("ghost")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("maps connect's 200 {error: true}", async () => {
    const { evolution } = await stubEvolution(() => ({
      status: 200,
      json: { error: true, message: "[object Object]" },
    }));
    await expect(provider(evolution).connect("acme")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { reason: "connect-failed" },
    });
  });

  it("maps a send to a number not on WhatsApp and nested validation messages", async () => {
    const { evolution } = await stubEvolution((_, index) => ({
      status: 400,
      json: {
        status: 400,
        error: "Bad Request",
        response: {
          message:
            index === 0
              ? [{ jid: "5511900000000@s.whatsapp.net", exists: false, number: "5511900000000" }]
              : [['instance requires property "text"']],
        },
      },
    }));
    const evo = provider(evolution);
    await expect(evo.sendText({ instanceName: "acme", to: "5511900000000", text: "Oi" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      reason: "notOnWhatsapp",
    });
    await expect(evo.sendText({ instanceName: "acme", to: "5511987654321", text: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { evolutionMessages: ['instance requires property "text"'] },
    });
  });

  it("maps whatsappNumbers' raw 400 body", async () => {
    const { evolution } = await stubEvolution(() => ({
      status: 400,
      json: { status: 400, error: "Bad Request", message: ["Connection Closed"] },
    }));
    await expect(provider(evolution).checkNumbers("acme", ["5511987654321"])).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { reason: "not-connected", evolutionMessages: ["Connection Closed"] },
    });
  });

  it("maps an unreachable server to UPSTREAM_UNAVAILABLE", async () => {
    const { evolution } = await stubEvolution(() => ({ status: 200, json: {} }));
    const closed = servers.pop()!;
    await new Promise((resolve) => closed.close(resolve));
    await expect(provider(evolution, { retries: 0 }).fetchInstances()).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "evolutionNetwork",
      details: { reason: "network" },
    });
  });

  it("gives up on a call that outlasts its timeout", async () => {
    const { evolution } = await stubEvolution(() => "hang");
    await expect(provider(evolution, { timeoutMs: 50, retries: 0 }).connectionState("acme")).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "evolutionTimeout",
    });
  });

  it("maps a 2xx it cannot read to INTERNAL", async () => {
    const { evolution } = await stubEvolution((_, index) =>
      index === 0
        ? { status: 200, raw: "<html>proxy page</html>" }
        : { status: 200, json: { instance: { state: "dozing" } } },
    );
    const evo = provider(evolution);
    await expect(evo.connectionState("acme")).rejects.toMatchObject({
      code: "INTERNAL",
      reason: "evolutionUnexpectedResponse",
    });
    await expect(evo.connectionState("acme")).rejects.toMatchObject({ code: "INTERNAL" });
  });
});

describe("Evolution provider: retries and circuit breaker", () => {
  it("retries an idempotent call after transport failures", async () => {
    const { evolution, requests } = await stubEvolution((_, index) =>
      index < 2 ? unavailable : { status: 200, json: { instance: { instanceName: "acme", state: "open" } } },
    );
    await expect(provider(evolution, { retries: 2 }).connectionState("acme")).resolves.toBe("open");
    expect(requests).toHaveLength(3);
  });

  it("stops after the configured retries", async () => {
    const { evolution, requests } = await stubEvolution(() => unavailable);
    await expect(provider(evolution, { retries: 2 }).fetchInstances()).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      details: { reason: "server-error", status: 503 },
    });
    expect(requests).toHaveLength(3);
  });

  it("never retries a send, whose outcome is unknown", async () => {
    const { evolution, requests } = await stubEvolution(() => unavailable);
    await expect(
      provider(evolution, { retries: 2 }).sendText({ instanceName: "acme", to: "5511987654321", text: "Oi" }),
    ).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(requests).toHaveLength(1);
  });

  it("does not retry a business error", async () => {
    const { evolution, requests } = await stubEvolution(() => ({
      status: 404,
      json: { status: 404, error: "Not Found", response: { message: ['The "acme" instance does not exist'] } },
    }));
    await expect(provider(evolution, { retries: 2 }).connectionState("acme")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(requests).toHaveLength(1);
  });

  it("opens the server's circuit after repeated failures and then stops calling it", async () => {
    const { evolution, requests } = await stubEvolution(() => unavailable);
    const breaker = new CircuitBreaker({ failureThreshold: 2 });
    const evo = provider(evolution, { breaker, retries: 5 });
    await expect(evo.connectionState("acme")).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(requests).toHaveLength(2);
    expect(evo.circuitState()).toMatchObject({ state: "open", consecutiveFailures: 2 });
    await expect(evo.connectionState("acme")).rejects.toMatchObject({
      reason: "evolutionCircuitOpen",
    });
    expect(requests).toHaveLength(2);
  });
});

describe("Evolution provider: no request leaves the configured host (SSRF)", () => {
  it("does not follow a redirect to another address, so neither the apikey nor the call reach it", async () => {
    const { evolution: internal, requests: internalRequests } = await stubEvolution(() => ({ status: 200, json: {} }));
    const redirecting = createServer((_req, res) => {
      res.writeHead(302, { location: `${internal.baseUrl}chat/getBase64FromMediaMessage/acme` });
      res.end();
    });
    servers.push(redirecting);
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    const { port } = redirecting.address() as AddressInfo;
    const evolution: ProviderServer = {
      id: `redirect-${port}`,
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: "GLOBAL-KEY",
    };
    await expect(provider(evolution, { retries: 0 }).getMedia("acme", "3A5F")).rejects.toThrow();
    expect(internalRequests).toEqual([]);
  });
});
