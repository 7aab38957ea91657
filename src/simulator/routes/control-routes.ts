/**
 * The control API under `/_control` (JSON, global apikey): plays the phone and WhatsApp's side — scans, drops,
 * incoming messages, delivery receipts, failures and outages — and exposes what the simulator sent and delivered.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { TERMINAL_DISCONNECT_CODES } from "../connection-lifecycle.ts";
import { CONTROL_PAGE_HTML } from "../control-page.ts";
import { randomBrazilianMobile } from "../ids.ts";
import { receiveInbound } from "../inbound.ts";
import type { Instance } from "../instance.ts";
import { createJid, registeredJid } from "../jid.ts";
import { matchPath, readBody, sendHtml, sendJson } from "../http-io.ts";
import type { Runtime } from "../runtime.ts";

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const scanBody = z.object({
  phoneNumber: z
    .string()
    .regex(/^\d{8,15}$/, "phoneNumber must be 8 to 15 digits")
    .optional(),
  profileName: z.string().min(1).optional(),
});

const dropBody = z.object({ statusCode: z.number().int(), stayDown: z.boolean().optional() });

const inboundBody = z
  .object({
    type: z.enum([
      "text",
      "extendedText",
      "image",
      "audio",
      "voice",
      "video",
      "document",
      "sticker",
      "location",
      "contact",
      "reaction",
      "edit",
      "revoke",
    ]),
    from: z
      .string()
      .regex(/^\+?\d{8,15}$/, "from must be a phone number (digits)")
      .optional(),
    pushName: z.string().optional(),
    text: z.string().optional(),
    caption: z.string().optional(),
    group: z.object({ id: z.string().optional(), subject: z.string().optional() }).optional(),
    lid: z.boolean().optional(),
    targetMessageId: z.string().min(1).optional(),
    fileName: z.string().optional(),
    mimeType: z.string().optional(),
    base64: z.base64().optional(),
    fromMe: z.boolean().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    contactName: z.string().optional(),
    contactPhone: z.string().optional(),
  })
  .refine((body) => !["reaction", "edit", "revoke"].includes(body.type) || body.targetMessageId, {
    message: "targetMessageId is required for reaction, edit and revoke",
    path: ["targetMessageId"],
  });

const ackBody = z.object({
  messageId: z.string().min(1),
  status: z.enum(["SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED", "ERROR"]),
});

const failSendsBody = z.object({
  mode: z.enum(["not-on-whatsapp", "server-error", "timeout"]).nullable(),
  numbers: z.array(z.string().min(1)).optional(),
  times: z.number().int().positive().optional(),
});

const failMediaBody = z.object({ times: z.number().int().min(0) });

const outageBody = z.object({ down: z.boolean() });

const webhooksBody = z.object({
  duplicates: z.boolean().optional(),
  reorder: z.boolean().optional(),
  paused: z.boolean().optional(),
  off: z.boolean().optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  throw new ControlError(400, details.join("; "));
}

function requireState(instance: Instance, allowed: Instance["state"][], action: string): void {
  if (!allowed.includes(instance.state)) {
    throw new ControlError(409, `cannot ${action} "${instance.row.name}": its state is ${instance.state}`);
  }
}

/** Reports a delivery receipt the way `messages.update` does, with 2.3.6's 30-minute id+status dedupe. */
function acknowledge(runtime: Runtime, instance: Instance, body: z.infer<typeof ackBody>) {
  const target = instance.messages.find((message) => message.key.id === body.messageId);
  // Evolution drops updates for messages it has not stored; the control API says so instead of staying silent.
  if (!target) throw new ControlError(404, `message "${body.messageId}" is not stored on "${instance.row.name}"`);
  const dedupeKey = `${body.messageId}_${body.status}`;
  if (instance.reportedStatuses.has(dedupeKey)) return { emitted: false };
  instance.reportedStatuses.add(dedupeKey);
  target.statusUpdates.push(body.status);
  runtime.emit(instance, "messages.update", {
    keyId: target.key.id,
    remoteJid: target.key.remoteJid,
    fromMe: target.key.fromMe,
    participant: target.key.participant,
    status: body.status,
    instanceId: instance.row.id,
    messageId: target.id,
  });
  return { emitted: true };
}

async function instanceAction(runtime: Runtime, instance: Instance, action: string, method: string, body: unknown) {
  if (method === "GET" && action === "sent") return { status: 200, body: instance.sent };
  if (method !== "POST") throw new ControlError(404, `unknown control route ${method} ${action}`);
  switch (action) {
    case "scan": {
      const { phoneNumber, profileName } = parse(scanBody, body);
      if (instance.state !== "connecting" || instance.session) {
        throw new ControlError(409, `"${instance.row.name}" is not waiting for a QR scan (state ${instance.state})`);
      }
      runtime.lifecycle.scan(instance, phoneNumber ?? randomBrazilianMobile(), profileName ?? "Simulador Mirage");
      return {
        status: 200,
        body: { state: instance.state, wuid: instance.wuid, profileName: instance.row.profileName },
      };
    }
    case "drop": {
      const { statusCode, stayDown } = parse(dropBody, body);
      requireState(instance, ["open", "connecting"], "drop");
      if (stayDown) runtime.lifecycle.dieSilently(instance, statusCode);
      else if (TERMINAL_DISCONNECT_CODES.includes(statusCode)) {
        runtime.lifecycle.closeForGood(instance, statusCode, "Connection Failure");
      } else await runtime.lifecycle.reconnect(instance, statusCode);
      return { status: 200, body: { state: instance.state } };
    }
    case "inbound": {
      const request = parse(inboundBody, body);
      requireState(instance, ["open"], "receive messages on");
      return { status: 201, body: receiveInbound(runtime, instance, request) };
    }
    case "ack":
      return { status: 200, body: acknowledge(runtime, instance, parse(ackBody, body)) };
    case "fail-sends": {
      const { mode, numbers, times } = parse(failSendsBody, body);
      instance.failureRule = mode
        ? {
            mode,
            numbers: numbers && new Set(numbers.map((number) => registeredJid(createJid(number)))),
            remaining: times,
          }
        : null;
      return { status: 200, body: { mode, numbers: numbers ?? null, times: times ?? null } };
    }
    case "fail-media": {
      const { times } = parse(failMediaBody, body);
      instance.failingMediaDownloads = times;
      return { status: 200, body: { times } };
    }
    default:
      throw new ControlError(404, `unknown control action "${action}"`);
  }
}

function instancesOverview(runtime: Runtime) {
  return runtime.store.list().map((instance) => ({
    name: instance.row.name,
    state: instance.state,
    connectionStatus: instance.row.connectionStatus,
    ownerJid: instance.row.ownerJid,
    profileName: instance.row.profileName,
    qr: instance.qr.base64
      ? { count: instance.qr.count, base64: instance.qr.base64, pairingCode: instance.qr.pairingCode }
      : null,
    webhook: instance.webhook ? { url: instance.webhook.url, enabled: instance.webhook.enabled } : null,
  }));
}

/** Forgets every instance, failure switch and delivery, as if the simulator had just started empty. */
function resetAll(runtime: Runtime): void {
  for (const instance of runtime.store.list()) runtime.lifecycle.stop(instance);
  runtime.store.clear();
  runtime.dispatcher.reset();
  runtime.timers.cancelAll();
  runtime.outage.down = false;
}

async function route(runtime: Runtime, method: string, url: URL, body: unknown) {
  const path = url.pathname.replace(/\/$/, "");
  if (method === "GET" && path === "/_control/instances") return { status: 200, body: instancesOverview(runtime) };
  if (method === "GET" && path === "/_control/deliveries") {
    const limit = Number(url.searchParams.get("limit") ?? 100);
    return { status: 200, body: runtime.dispatcher.recentAttempts(Number.isInteger(limit) && limit > 0 ? limit : 100) };
  }
  if (method === "POST" && path === "/_control/outage") {
    runtime.outage.down = parse(outageBody, body).down;
    return { status: 200, body: { down: runtime.outage.down } };
  }
  if (method === "POST" && path === "/_control/webhooks") {
    return { status: 200, body: runtime.dispatcher.configure(parse(webhooksBody, body)) };
  }
  if (method === "POST" && path === "/_control/reset") {
    resetAll(runtime);
    return { status: 200, body: { reset: true } };
  }
  const params = matchPath("/_control/instances/:name/:action", path);
  if (params) {
    const instance = runtime.store.get(params.name!);
    if (!instance) throw new ControlError(404, `instance "${params.name}" does not exist`);
    return instanceAction(runtime, instance, params.action!, method, body);
  }
  throw new ControlError(404, `unknown control route ${method} ${url.pathname}`);
}

export function createControlHandler(runtime: Runtime) {
  return async (incoming: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = (incoming.method ?? "GET").toUpperCase();
    if (method === "GET" && (url.pathname === "/_control" || url.pathname === "/_control/")) {
      return sendHtml(response, CONTROL_PAGE_HTML);
    }
    try {
      if (incoming.headers.apikey !== runtime.apiKey)
        throw new ControlError(401, "the global apikey header is required");
      const raw = (await readBody(incoming)).toString("utf8");
      let body: unknown = {};
      try {
        if (raw.trim() !== "") body = JSON.parse(raw);
      } catch {
        throw new ControlError(400, "the body must be JSON");
      }
      const result = await route(runtime, method, url, body);
      sendJson(incoming, response, result.status, result.body);
    } catch (error) {
      const status = error instanceof ControlError ? error.status : 500;
      sendJson(incoming, response, status, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}
