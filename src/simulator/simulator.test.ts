import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./server.ts";

const API_KEY = "global-test-key";

interface ReceivedDelivery {
  path: string;
  headers: http.IncomingHttpHeaders;
  // Event payloads vary per event; the tests pin them with matchers rather than types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: { event: string; instance: string; data: any; sender?: string; [field: string]: unknown };
}

/** A webhook receiver on a free port; `statusRules` pick each answer from the path and how often it was hit. */
async function startReceiver() {
  const deliveries: ReceivedDelivery[] = [];
  const hits = new Map<string, number>();
  const statusRules = new Map<string, (hit: number) => number>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const hit = (hits.get(path) ?? 0) + 1;
      hits.set(path, hit);
      deliveries.push({ path, headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      const rule = [...statusRules.entries()].find(([prefix]) => path.startsWith(prefix))?.[1];
      response.writeHead(rule ? rule(hit) : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    statusRules,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Probe<T> = () => T | undefined | false | Promise<T | undefined | false>;

async function waitFor<T>(probe: Probe<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for condition");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let simulator: RunningSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

async function call(method: string, path: string, body?: unknown, apikey: string | null = API_KEY) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apikey !== null) headers.apikey = apikey;
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const control = (path: string, body: unknown = {}) => call("POST", `/_control${path}`, body);

const deliveriesTo = (path: string) => receiver.deliveries.filter((delivery) => delivery.path.startsWith(path));
const eventsAt = (path: string, event: string) =>
  deliveriesTo(path).filter((delivery) => delivery.body.event === event);

/** Creates an instance whose webhook posts every event to `<receiver>/<hookPath>`, then pairs it. */
async function openInstance(name: string, hookPath: string, webhook: Record<string, unknown> = {}) {
  const created = await call("POST", "/instance/create", {
    instanceName: name,
    integration: "WHATSAPP-BAILEYS",
    webhook: { url: `${receiver.url}${hookPath}`, events: [], ...webhook },
  });
  expect(created.status).toBe(201);
  expect((await call("GET", `/instance/connect/${name}`)).status).toBe(200);
  const scanned = await control(`/instances/${name}/scan`, { phoneNumber: "5511912345678", profileName: "Loja Teste" });
  expect(scanned.body).toMatchObject({ state: "open", wuid: "5511912345678@s.whatsapp.net" });
  await waitFor(() => eventsAt(hookPath, "connection.update").some((delivery) => delivery.body.data.state === "open"));
}

beforeAll(async () => {
  receiver = await startReceiver();
  simulator = await startSimulator({
    apiKey: API_KEY,
    port: 0,
    qrIntervalMs: 60_000,
    webhookRetryBaseMs: 20,
    webhookRetryMaxMs: 80,
    reconnectDelayMs: 30,
  });
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

describe("evolution simulator", () => {
  it("applies Evolution's guard order: unknown instance 404, taken name 403, then the apikey 401", async () => {
    expect(await call("GET", "/instance/connectionState/ghost", undefined, null)).toEqual({
      status: 404,
      body: { status: 404, error: "Not Found", response: { message: ['The "ghost" instance does not exist'] } },
    });
    await call("POST", "/instance/create", { instanceName: "guarded", integration: "WHATSAPP-BAILEYS" });
    const taken = await call("POST", "/instance/create", { instanceName: "guarded" }, null);
    expect(taken.status).toBe(403);
    expect(taken.body.response.message).toEqual(['This name "guarded" is already in use.']);

    const unauthorized = { status: 401, error: "Unauthorized", response: { message: "Unauthorized" } };
    expect(await call("GET", "/instance/connectionState/guarded", undefined, null)).toEqual({
      status: 401,
      body: unauthorized,
    });
    expect((await call("GET", "/instance/connectionState/guarded", undefined, "wrong")).status).toBe(401);
    const missingIntegration = await call("POST", "/instance/create", { instanceName: "no-integration" });
    expect(missingIntegration.body.response.message).toEqual(["Invalid integration"]);
  });

  it("accepts an instance token only on its own instance and filters fetchInstances to it", async () => {
    const own = await call("POST", "/instance/create", {
      instanceName: "token-owner",
      integration: "WHATSAPP-BAILEYS",
      token: "OWN-TOKEN",
    });
    expect(own.body.hash).toBe("OWN-TOKEN");
    await call("POST", "/instance/create", { instanceName: "token-other", integration: "WHATSAPP-BAILEYS" });

    expect((await call("GET", "/instance/connectionState/token-owner", undefined, "OWN-TOKEN")).body).toEqual({
      instance: { instanceName: "token-owner", state: "close" },
    });
    expect((await call("GET", "/instance/connectionState/token-other", undefined, "OWN-TOKEN")).status).toBe(401);
    const listed = await call("GET", "/instance/fetchInstances", undefined, "OWN-TOKEN");
    expect(listed.body.map((row: { name: string }) => row.name)).toEqual(["token-owner"]);
    expect(listed.body[0]).toMatchObject({
      connectionStatus: "close",
      token: "OWN-TOKEN",
      Setting: { rejectCall: false },
    });
  });

  it("rejects the documented flat webhook body with a nested validation array", async () => {
    await call("POST", "/instance/create", { instanceName: "flat-hook", integration: "WHATSAPP-BAILEYS" });
    const flat = await call("POST", "/webhook/set/flat-hook", { url: `${receiver.url}/x`, webhookByEvents: false });
    expect(flat).toEqual({
      status: 400,
      body: { status: 400, error: "Bad Request", response: { message: [['instance requires property "webhook"']] } },
    });
  });

  it("pairs by QR, sends with custom headers, and reports acknowledgements", async () => {
    await call("POST", "/instance/create", {
      instanceName: "flow",
      integration: "WHATSAPP-BAILEYS",
      webhook: { url: `${receiver.url}/flow`, headers: { "X-Tenant": "t-42" }, events: [] },
    });
    const connect = await call("GET", "/instance/connect/flow");
    expect(connect.body).toMatchObject({ pairingCode: null, count: 1 });

    const qr = await waitFor(() => eventsAt("/flow", "qrcode.updated")[0]);
    const dataUrl: string = qr.body.data.qrcode.base64;
    expect(dataUrl.startsWith("data:image/png;base64,")).toBe(true);
    expect(Buffer.from(dataUrl.split(",")[1]!, "base64").subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(qr.body.data.qrcode.code).toBe(connect.body.code);
    expect(qr.body).not.toHaveProperty("sender");
    expect(eventsAt("/flow", "connection.update")[0]!.body.data).toEqual({
      instance: "flow",
      state: "connecting",
      statusReason: 200,
    });

    await control("/instances/flow/scan", { phoneNumber: "5511955554444", profileName: "Acme" });
    const opened = await waitFor(() =>
      eventsAt("/flow", "connection.update").find((delivery) => delivery.body.data.state === "open"),
    );
    expect(opened.body.data).toMatchObject({
      wuid: "5511955554444@s.whatsapp.net",
      profileName: "Acme",
      statusReason: 200,
    });

    const sent = await call("POST", "/message/sendText/flow", { number: "5511987654321", text: "Olá!" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      key: { remoteJid: "5511987654321@s.whatsapp.net", fromMe: true },
      pushName: "Você",
      status: "PENDING",
      message: { conversation: "Olá!" },
      messageType: "conversation",
      source: "web",
    });
    const messageId: string = sent.body.key.id;
    expect(messageId).toMatch(/^3EB0[0-9A-F]{18}$/);

    const sendEvent = await waitFor(() => eventsAt("/flow", "send.message")[0]);
    expect(sendEvent.headers["x-tenant"]).toBe("t-42");
    expect(sendEvent.body).toMatchObject({
      instance: "flow",
      destination: `${receiver.url}/flow`,
      sender: "5511955554444@s.whatsapp.net",
      server_url: simulator.url,
      apikey: null,
      data: { key: { id: messageId } },
    });

    expect((await control("/instances/flow/ack", { messageId, status: "DELIVERY_ACK" })).body).toEqual({
      emitted: true,
    });
    const update = await waitFor(() => eventsAt("/flow", "messages.update")[0]);
    expect(update.body.data).toMatchObject({
      keyId: messageId,
      remoteJid: "5511987654321@s.whatsapp.net",
      fromMe: true,
      status: "DELIVERY_ACK",
    });
    // 2.3.6 drops a repeated id+status.
    expect((await control("/instances/flow/ack", { messageId, status: "DELIVERY_ACK" })).body).toEqual({
      emitted: false,
    });

    const sentLog = await call("GET", "/_control/instances/flow/sent");
    expect(sentLog.body).toEqual([
      expect.objectContaining({ messageId, to: "5511987654321", type: "conversation", text: "Olá!" }),
    ]);
  });

  it("drops Brazil's 9th digit for DDD >= 31 in the chat JID", async () => {
    await openInstance("brazil", "/brazil");
    const minasGerais = await call("POST", "/message/sendText/brazil", { number: "5531999998888", text: "oi" });
    expect(minasGerais.body.key.remoteJid).toBe("553199998888@s.whatsapp.net");
    const saoPaulo = await call("POST", "/message/sendText/brazil", { number: "5511987654321", text: "oi" });
    expect(saoPaulo.body.key.remoteJid).toBe("5511987654321@s.whatsapp.net");
  });

  it("answers 400 with the lookup object for numbers declared not on WhatsApp", async () => {
    await openInstance("missing-number", "/missing-number");
    await control("/instances/missing-number/fail-sends", { mode: "not-on-whatsapp", numbers: ["5511900000000"] });
    const refused = await call("POST", "/message/sendText/missing-number", { number: "5511900000000", text: "oi" });
    expect(refused).toEqual({
      status: 400,
      body: {
        status: 400,
        error: "Bad Request",
        response: { message: [{ jid: "5511900000000@s.whatsapp.net", exists: false, number: "5511900000000" }] },
      },
    });
  });

  it("retries a delivery answered 500 until it succeeds", async () => {
    receiver.statusRules.set("/flaky", (hit) => (hit <= 2 ? 500 : 200));
    await call("POST", "/instance/create", {
      instanceName: "flaky",
      integration: "WHATSAPP-BAILEYS",
      webhook: { url: `${receiver.url}/flaky`, events: ["INSTANCE_CREATE"] },
    });
    await waitFor(() => deliveriesTo("/flaky").length >= 3);
    const attempts = await call("GET", "/_control/deliveries?limit=1000");
    const forFlaky = attempts.body.filter((attempt: { instance: string }) => attempt.instance === "flaky");
    expect(forFlaky.map((attempt: { attempt: number; status: number }) => [attempt.attempt, attempt.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
  });

  it("does not retry a delivery answered 401", async () => {
    receiver.statusRules.set("/refusing", () => 401);
    await call("POST", "/instance/create", {
      instanceName: "refusing",
      integration: "WHATSAPP-BAILEYS",
      webhook: { url: `${receiver.url}/refusing`, events: ["INSTANCE_CREATE"] },
    });
    await waitFor(() => deliveriesTo("/refusing").length === 1);
    // Several times the largest backoff of this simulator: a retry would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deliveriesTo("/refusing")).toHaveLength(1);
  });

  it("appends the event to the URL when byEvents is on", async () => {
    await call("POST", "/instance/create", { instanceName: "by-events", integration: "WHATSAPP-BAILEYS" });
    const stored = await call("POST", "/webhook/set/by-events", {
      webhook: { enabled: true, url: `${receiver.url}/by-events`, byEvents: true, events: ["QRCODE_UPDATED"] },
    });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ webhookByEvents: true, events: ["QRCODE_UPDATED"] });
    await call("GET", "/instance/connect/by-events");
    const delivery = await waitFor(() => deliveriesTo("/by-events")[0]);
    expect(delivery.path).toBe("/by-events/qrcode-updated");
    expect(delivery.body.destination).toBe(`${receiver.url}/by-events`);
  });

  it("turns the jwt_key header into a valid HS256 Bearer token", async () => {
    await call("POST", "/instance/create", {
      instanceName: "jwt",
      integration: "WHATSAPP-BAILEYS",
      webhook: { url: `${receiver.url}/jwt`, headers: { jwt_key: "s3cr3t" }, events: ["INSTANCE_CREATE"] },
    });
    const delivery = await waitFor(() => deliveriesTo("/jwt")[0]);
    expect(delivery.headers).not.toHaveProperty("jwt_key");
    const [header, payload, signature] = String(delivery.headers.authorization)
      .replace(/^Bearer /, "")
      .split(".");
    expect(signature).toBe(createHmac("sha256", "s3cr3t").update(`${header}.${payload}`).digest("base64url"));
    expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toEqual({ alg: "HS256", typ: "JWT" });
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    expect(claims).toMatchObject({ app: "evolution", action: "webhook" });
    expect(claims.exp - claims.iat).toBe(600);
  });

  it("delivers an injected image with base64 and serves the same bytes from getBase64FromMediaMessage", async () => {
    await openInstance("media", "/media", { base64: true });
    const bytes = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const injected = await control("/instances/media/inbound", {
      type: "image",
      from: "5521988887777",
      caption: "comprovante",
      base64: bytes.toString("base64"),
    });
    expect(injected.status).toBe(201);

    const upsert = await waitFor(() => eventsAt("/media", "messages.upsert")[0]);
    expect(upsert.body.data).toMatchObject({
      key: { remoteJid: "5521988887777@s.whatsapp.net", fromMe: false, id: injected.body.messageId },
      messageType: "imageMessage",
      status: "DELIVERY_ACK",
      message: { imageMessage: { caption: "comprovante", mimetype: "image/jpeg" }, base64: bytes.toString("base64") },
    });
    expect(upsert.body.data.message.imageMessage.fileLength).toEqual({ low: bytes.length, high: 0, unsigned: true });
    await waitFor(() => eventsAt("/media", "contacts.upsert")[0]);

    const media = await call("POST", "/chat/getBase64FromMediaMessage/media", {
      message: { key: { id: injected.body.messageId } },
    });
    expect(media.status).toBe(201);
    expect(media.body).toMatchObject({ mediaType: "imageMessage", caption: "comprovante", mimetype: "image/jpeg" });
    expect(Buffer.from(media.body.base64, "base64").equals(bytes)).toBe(true);

    const found = await call("POST", "/chat/findMessages/media", { where: { key: { id: injected.body.messageId } } });
    expect(found.body.messages).toMatchObject({ total: 1, pages: 1, currentPage: 1 });
    expect(found.body.messages.records[0].message).not.toHaveProperty("base64");
  });

  it("reconnects silently after a 515 drop: connecting, then open again", async () => {
    await openInstance("restart-required", "/restart-required");
    const before = eventsAt("/restart-required", "connection.update").length;
    await control("/instances/restart-required/drop", { statusCode: 515 });
    const after = await waitFor(() => {
      const updates = eventsAt("/restart-required", "connection.update").slice(before);
      return updates.length >= 2 && updates;
    });
    expect(after.map((delivery) => delivery.body.data.state)).toEqual(["connecting", "open"]);
    expect((await call("GET", "/instance/connectionState/restart-required")).body.instance.state).toBe("open");
  });

  it("closes for good on a 401 drop: status.instance, logout.instance and connection.update close", async () => {
    await openInstance("logged-out", "/logged-out");
    expect((await call("POST", "/message/sendText/logged-out", { number: "5511933332222", text: "oi" })).status).toBe(
      201,
    );
    await control("/instances/logged-out/drop", { statusCode: 401 });
    const close = await waitFor(() =>
      eventsAt("/logged-out", "connection.update").find((delivery) => delivery.body.data.state === "close"),
    );
    expect(close.body.data).toEqual({ instance: "logged-out", state: "close", statusReason: 401 });
    const logout = await waitFor(() => eventsAt("/logged-out", "logout.instance")[0]);
    expect(logout.body.data).toBeNull();
    const status = await waitFor(() => eventsAt("/logged-out", "status.instance")[0]);
    expect(status.body.data).toMatchObject({ status: "closed", disconnectionReasonCode: 401 });

    expect((await call("GET", "/instance/connectionState/logged-out")).body.instance.state).toBe("close");
    const logoutAgain = await call("DELETE", "/instance/logout/logged-out");
    expect(logoutAgain.body.response.message).toEqual(['The "logged-out" instance is not connected']);
    // A number verified before skips the lookup, so the send itself fails and is wrapped as a 400...
    const knownNumber = await call("POST", "/message/sendText/logged-out", { number: "5511933332222", text: "oi" });
    expect(knownNumber.status).toBe(400);
    expect(knownNumber.body.response.message).toEqual(["Error: Connection Closed"]);
    // ...while a new number needs the socket for the lookup, whose error escapes unwrapped as a 500.
    const newNumber = await call("POST", "/message/sendText/logged-out", { number: "5511944443333", text: "oi" });
    expect(newNumber).toEqual({
      status: 500,
      body: { status: 500, error: "Internal Server Error", response: { message: "Connection Closed" } },
    });
  });

  it("refuses the session once the QR limit is reached", async () => {
    const quick = await startSimulator({ apiKey: API_KEY, port: 0, qrIntervalMs: 30, qrLimit: 2 });
    try {
      const headers = { apikey: API_KEY, "content-type": "application/json" };
      await fetch(`${quick.url}/instance/create`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          instanceName: "limited",
          integration: "WHATSAPP-BAILEYS",
          webhook: { url: `${receiver.url}/limited`, events: ["QRCODE_UPDATED", "CONNECTION_UPDATE"] },
        }),
      });
      await fetch(`${quick.url}/instance/connect/limited`, { headers });
      const refused = await waitFor(() =>
        eventsAt("/limited", "connection.update").find((delivery) => delivery.body.data.state === "refused"),
      );
      expect(refused.body.data).toMatchObject({ state: "refused", statusReason: 428 });
      const qrEvents = eventsAt("/limited", "qrcode.updated").map((delivery) => delivery.body.data);
      expect(qrEvents.map((data) => data.qrcode?.base64 !== undefined)).toEqual([true, true, false]);
      expect(qrEvents[2]).toEqual({ message: "QR code limit reached, please login again", statusCode: 500 });
      const state = await fetch(`${quick.url}/instance/connectionState/limited`, { headers }).then((r) => r.json());
      expect(state.instance.state).toBe("close");
    } finally {
      await quick.close();
    }
  });

  it("reports a remote revoke as messages.edited plus messages.delete for a stored message", async () => {
    await openInstance("revoked", "/revoked");
    const original = await control("/instances/revoked/inbound", { type: "text", from: "5511987654321", text: "ops" });
    await control("/instances/revoked/inbound", {
      type: "revoke",
      from: "5511987654321",
      targetMessageId: original.body.messageId,
    });
    const edited = await waitFor(() => eventsAt("/revoked", "messages.edited")[0]);
    expect(edited.body.data).toEqual({
      key: { remoteJid: "5511912345678@s.whatsapp.net", fromMe: true, id: original.body.messageId },
      type: "REVOKE",
    });
    const deleted = await waitFor(() => eventsAt("/revoked", "messages.delete")[0]);
    expect(deleted.body.data).toMatchObject({
      remoteJid: "5511987654321@s.whatsapp.net",
      fromMe: false,
      id: original.body.messageId,
    });
  });

  it("validates media sends like Evolution and answers 201 with the media message", async () => {
    await openInstance("media-send", "/media-send");
    const pdf = Buffer.from("%PDF-1.4 test").toString("base64");
    const unnamed = await call("POST", "/message/sendMedia/media-send", {
      number: "5511987654321",
      mediatype: "document",
      media: pdf,
    });
    expect(unnamed.body.response.message).toEqual(["For base64 the file name must be informed."]);
    const sent = await call("POST", "/message/sendMedia/media-send", {
      number: "5511987654321",
      mediatype: "document",
      media: pdf,
      fileName: "boleto.pdf",
      caption: "segue",
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      messageType: "documentMessage",
      status: "PENDING",
      message: { documentMessage: { fileName: "boleto.pdf", mimetype: "application/pdf", caption: "segue" } },
    });
    const media = await call("POST", "/chat/getBase64FromMediaMessage/media-send", { message: sent.body });
    expect(media.body).toMatchObject({ fileName: "boleto.pdf", base64: pdf });
  });

  it("keeps instances, webhook and session in the state file across restarts", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "evolution-simulator-")), "state.json");
    const options = { apiKey: API_KEY, port: 0, stateFile, reconnectDelayMs: 10 };
    const first = await startSimulator(options);
    const headers = { apikey: API_KEY, "content-type": "application/json" };
    await fetch(`${first.url}/instance/create`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        instanceName: "durable",
        integration: "WHATSAPP-BAILEYS",
        webhook: { url: `${receiver.url}/durable`, events: ["CONNECTION_UPDATE"] },
      }),
    });
    await fetch(`${first.url}/instance/connect/durable`, { headers });
    await fetch(`${first.url}/_control/instances/durable/scan`, { method: "POST", headers, body: "{}" });
    await first.close();

    const second = await startSimulator(options);
    try {
      const reopened = await waitFor(async () => {
        const state = await fetch(`${second.url}/instance/connectionState/durable`, { headers }).then((r) => r.json());
        return state.instance.state === "open" && state;
      });
      expect(reopened).toEqual({ instance: { instanceName: "durable", state: "open" } });
      const webhook = await fetch(`${second.url}/webhook/find/durable`, { headers }).then((r) => r.json());
      expect(webhook).toMatchObject({ url: `${receiver.url}/durable`, events: ["CONNECTION_UPDATE"] });
    } finally {
      await second.close();
    }
  });

  it("keeps a logged-out instance closed across a restart until someone asks to connect", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "evolution-simulator-")), "state.json");
    const options = { apiKey: API_KEY, port: 0, stateFile, reconnectDelayMs: 10, qrIntervalMs: 60_000 };
    const headers = { apikey: API_KEY, "content-type": "application/json" };
    const at =
      (base: string) =>
      (route: string, init: RequestInit = {}) =>
        fetch(`${base}${route}`, { headers, ...init }).then((r) => r.json());
    const first = await startSimulator(options);
    await at(first.url)("/instance/create", {
      method: "POST",
      body: JSON.stringify({
        instanceName: "gone",
        integration: "WHATSAPP-BAILEYS",
        webhook: { url: `${receiver.url}/gone`, events: [] },
      }),
    });
    await at(first.url)("/instance/connect/gone");
    await at(first.url)("/_control/instances/gone/scan", { method: "POST", body: "{}" });
    await at(first.url)("/_control/instances/gone/drop", { method: "POST", body: JSON.stringify({ statusCode: 401 }) });
    await waitFor(() => eventsAt("/gone", "logout.instance")[0]);
    await first.close();
    const eventsBefore = deliveriesTo("/gone").length;

    const second = await startSimulator(options);
    try {
      const call2 = at(second.url);
      // Give a wrongly started socket time to announce itself (connecting, then a QR) before looking.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await call2("/instance/connectionState/gone")).toEqual({
        instance: { instanceName: "gone", state: "close" },
      });
      const [listed] = await call2("/instance/fetchInstances?instanceName=gone");
      expect(listed).toMatchObject({ connectionStatus: "close", disconnectionReasonCode: 401 });
      expect(deliveriesTo("/gone").slice(eventsBefore)).toEqual([]);

      // Asking to connect starts pairing again: a QR, as after any logout.
      const connect = await call2("/instance/connect/gone");
      expect(connect).toMatchObject({ base64: expect.stringMatching(/^data:image\/png;base64,/) });
      expect((await call2("/instance/connectionState/gone")).instance.state).toBe("connecting");
    } finally {
      await second.close();
    }
  });

  it("resets connections during an outage while the control API keeps working", async () => {
    expect((await control("/outage", { down: true })).body).toEqual({ down: true });
    await expect(fetch(`${simulator.url}/`)).rejects.toThrow();
    expect((await control("/outage", { down: false })).body).toEqual({ down: false });
    expect((await call("GET", "/")).status).toBe(200);
  });
});
