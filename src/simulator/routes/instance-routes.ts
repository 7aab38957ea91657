/** `/instance/*` (`instance.router.ts`, `instance.controller.ts`, `monitor.service.ts`). */
import { qrCodeView } from "../connection-lifecycle.ts";
import { badRequest, notFound, unauthorized } from "../evolution-errors.ts";
import { created, ok, routeInstance, validated, type EvolutionRoute } from "../evolution-app.ts";
import { instanceSchema } from "../evolution-schemas.ts";
import { newInstanceId, newInstanceToken, newRowId } from "../ids.ts";
import type { Instance, SettingsRow } from "../instance.ts";
import type { Runtime } from "../runtime.ts";
import { newInstance } from "../store.ts";
import { buildWebhookRow, type WebhookInput } from "./webhook-settings-routes.ts";

interface CreateInstanceBody {
  instanceName?: string;
  integration?: unknown;
  token?: string;
  number?: string;
  qrcode?: boolean;
  rejectCall?: boolean;
  msgCall?: string;
  groupsIgnore?: boolean;
  alwaysOnline?: boolean;
  readMessages?: boolean;
  readStatus?: boolean;
  syncFullHistory?: boolean;
  wavoipToken?: string;
  webhook?: Partial<Omit<WebhookInput, "events">> & { events?: unknown };
}

/** The Instance row with the relations `fetchInstances` includes (`monitor.service.ts` `instanceInfo`). */
function fetchInstancesRow(instance: Instance) {
  const { row } = instance;
  return {
    id: row.id,
    name: row.name,
    connectionStatus: row.connectionStatus,
    ownerJid: row.ownerJid,
    profileName: row.profileName,
    profilePicUrl: row.profilePicUrl,
    integration: row.integration,
    number: row.number,
    businessId: null,
    token: row.token,
    clientName: "evolution_exchange",
    disconnectionReasonCode: row.disconnectionReasonCode,
    disconnectionObject: row.disconnectionObject,
    disconnectionAt: row.disconnectionAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    Chatwoot: null,
    Proxy: null,
    Rabbitmq: null,
    Nats: null,
    Sqs: null,
    Websocket: null,
    Setting: instance.settings,
    _count: {
      Message: instance.messages.length,
      Contact: instance.contacts.size,
      Chat: new Set(instance.messages.map((message) => message.key.remoteJid)).size,
    },
  };
}

const connectionStateView = (instance: Instance) => ({
  instance: { instanceName: instance.row.name, state: instance.state },
});

/** The instance controller's `connectToWhatsapp`: state when open, the current QR when connecting, else a new socket. */
async function connect(runtime: Runtime, instance: Instance, number: string | undefined) {
  if (instance.state === "open") return connectionStateView(instance);
  if (instance.state === "connecting") return qrCodeView(instance.qr);
  await runtime.lifecycle.startSocket(instance, number);
  return qrCodeView(instance.qr);
}

/**
 * `eventManager.setInstance`: a webhook given at creation is always enabled. Failures inside create come back as
 * 400 with the inner message, here a TypeError on a missing `events` array and Prisma's required `url` column.
 */
function createTimeWebhook(input: CreateInstanceBody["webhook"]): WebhookInput | undefined {
  if (!input) return undefined;
  if (!Array.isArray(input.events)) throw badRequest("Cannot read properties of undefined (reading 'length')");
  if (typeof input.url !== "string") throw badRequest("Argument `url` is missing.");
  const { url, headers, byEvents, base64, events } = input;
  return { enabled: true, url, headers, byEvents, base64, events };
}

async function createInstance(runtime: Runtime, body: CreateInstanceBody) {
  if (body.integration !== "WHATSAPP-BAILEYS") {
    if (body.integration === "WHATSAPP-BUSINESS" || body.integration === "EVOLUTION") {
      throw badRequest(`The simulator only implements the WHATSAPP-BAILEYS integration, not ${body.integration}`);
    }
    throw badRequest("Invalid integration");
  }
  if (!body.instanceName) throw badRequest('The "instanceName" cannot be empty');
  const webhook = createTimeWebhook(body.webhook);

  const now = new Date().toISOString();
  const id = newInstanceId();
  const token = body.token || newInstanceToken();
  const settings: SettingsRow = {
    id: newRowId(),
    rejectCall: body.rejectCall === true,
    msgCall: body.msgCall || "",
    groupsIgnore: body.groupsIgnore === true,
    alwaysOnline: body.alwaysOnline === true,
    readMessages: body.readMessages === true,
    readStatus: body.readStatus === true,
    syncFullHistory: body.syncFullHistory === true,
    wavoipToken: body.wavoipToken || "",
    createdAt: now,
    updatedAt: now,
    instanceId: id,
  };
  const instance = newInstance({
    row: {
      id,
      name: body.instanceName,
      connectionStatus: "close",
      ownerJid: null,
      profileName: null,
      profilePicUrl: null,
      integration: "WHATSAPP-BAILEYS",
      number: body.number ?? null,
      token,
      disconnectionReasonCode: null,
      disconnectionObject: null,
      disconnectionAt: null,
      createdAt: now,
      updatedAt: now,
    },
    settings,
    webhook: webhook ? buildWebhookRow(id, null, webhook) : null,
    session: null,
  });
  runtime.store.add(instance);
  runtime.emit(instance, "instance.create", { instanceName: body.instanceName, instanceId: id });

  if (body.qrcode) await runtime.lifecycle.startSocket(instance, body.number);

  const {
    id: _settingsId,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    instanceId: _instanceId,
    ...settingsView
  } = settings;
  return {
    instance: {
      instanceName: body.instanceName,
      instanceId: id,
      integration: "WHATSAPP-BAILEYS",
      webhookWaBusiness: null,
      accessTokenWaBusiness: "",
      status: instance.state,
    },
    hash: token,
    webhook: {
      webhookUrl: body.webhook?.url,
      webhookHeaders: body.webhook?.headers,
      webhookByEvents: body.webhook?.byEvents,
      webhookBase64: body.webhook?.base64,
    },
    websocket: {},
    rabbitmq: {},
    nats: {},
    sqs: {},
    settings: settingsView,
    qrcode: body.qrcode ? qrCodeView(instance.qr) : undefined,
  };
}

function fetchInstances(runtime: Runtime, query: Record<string, string>, key: string | undefined) {
  const { instanceName, instanceId, number } = query;
  if (key !== runtime.apiKey) {
    const owned = runtime.store
      .list()
      .filter((instance) => instance.row.token === key)
      .filter((instance) => !instanceName || instance.row.name === instanceName)
      .filter((instance) => !instanceId || instance.row.id === instanceId);
    if (owned.length === 0) throw unauthorized();
    return owned.map(fetchInstancesRow);
  }
  if (instanceId || number) {
    const found = runtime.store
      .list()
      .find((instance) => (instanceId ? instance.row.id === instanceId : instance.row.number === number));
    if (!found) throw notFound(`Instance "${instanceId ?? number}" not found`);
    return [fetchInstancesRow(found)];
  }
  if (instanceName) {
    const found = runtime.store.get(instanceName);
    if (!found) throw notFound(`Instance "${instanceName}" not found`);
    return [fetchInstancesRow(found)];
  }
  return runtime.store.list().map(fetchInstancesRow);
}

export function instanceRoutes(runtime: Runtime): EvolutionRoute[] {
  return [
    {
      method: "POST",
      path: "/instance/create",
      guard: "create",
      handle: async (request) =>
        created(await createInstance(runtime, validated<CreateInstanceBody>(request.body, instanceSchema))),
    },
    {
      method: "POST",
      path: "/instance/restart/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        // The controller catches its own BadRequestException and answers 200 with its toString().
        if (instance.state === "close") return ok({ error: true, message: "[object Object]" });
        const answer = instance.state === "open" ? connectionStateView(instance) : qrCodeView(instance.qr);
        // `client.end(new Error('restart'))` is not a terminal code, so the socket reconnects silently afterwards.
        void runtime.lifecycle.reconnect(instance, 200);
        return ok(answer);
      },
    },
    {
      method: "GET",
      path: "/instance/connect/:instanceName",
      guard: "instance",
      handle: async (request) =>
        ok(await connect(runtime, routeInstance(runtime, request), request.query.number || undefined)),
    },
    {
      method: "GET",
      path: "/instance/connectionState/:instanceName",
      guard: "instance",
      handle: async (request) => ok(connectionStateView(routeInstance(runtime, request))),
    },
    {
      method: "GET",
      path: "/instance/fetchInstances",
      guard: "fetchInstances",
      handle: async (request) => ok(fetchInstances(runtime, request.query, request.apikey)),
    },
    {
      method: "DELETE",
      path: "/instance/logout/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        if (instance.state === "close") throw badRequest(`The "${instance.row.name}" instance is not connected`);
        runtime.lifecycle.closeForGood(instance, 401, "Intentional Logout");
        return ok({ status: "SUCCESS", error: false, response: { message: "Instance logged out" } });
      },
    },
    {
      method: "DELETE",
      path: "/instance/delete/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        // The logout a connected instance gets first is not awaited; its events race the removal of the webhook row
        // and are lost, so only instance.delete and remove.instance are delivered.
        runtime.lifecycle.stop(instance);
        runtime.emit(instance, "instance.delete", { instanceName: instance.row.name, instanceId: instance.row.id });
        runtime.emit(instance, "remove.instance", null);
        runtime.store.remove(instance.row.name);
        return ok({ status: "SUCCESS", error: false, response: { message: "Instance deleted" } });
      },
    },
  ];
}
