/** `/webhook/set|find` (`webhook.router.ts`, `webhook.controller.ts`) and `/settings/set|find` (`settings.service.ts`). */
import { created, ok, routeInstance, validated, type EvolutionRoute } from "../evolution-app.ts";
import { instanceSchema, settingsSchema, webhookSchema } from "../evolution-schemas.ts";
import { WEBHOOK_CONFIG_EVENTS } from "../events.ts";
import { newRowId } from "../ids.ts";
import type { SettingsRow, WebhookRow } from "../instance.ts";
import type { Runtime } from "../runtime.ts";

export interface WebhookInput {
  enabled: boolean;
  url: string;
  headers?: Record<string, unknown>;
  byEvents?: boolean;
  base64?: boolean;
  events: string[];
}

type SettingsInput = Omit<SettingsRow, "id" | "createdAt" | "updatedAt" | "instanceId">;

/**
 * `WebhookController.set`: disabled stores no events, enabled with `[]` stores all of them; an upsert, so fields
 * left out of an update keep their stored value.
 */
export function buildWebhookRow(instanceId: string, existing: WebhookRow | null, input: WebhookInput): WebhookRow {
  const now = new Date().toISOString();
  const events = !input.enabled ? [] : input.events.length === 0 ? [...WEBHOOK_CONFIG_EVENTS] : input.events;
  if (existing) {
    return {
      ...existing,
      url: input.url,
      headers: input.headers ?? existing.headers,
      enabled: input.enabled,
      events,
      webhookByEvents: input.byEvents ?? existing.webhookByEvents,
      webhookBase64: input.base64 ?? existing.webhookBase64,
      updatedAt: now,
    };
  }
  return {
    id: newRowId(),
    url: input.url,
    headers: input.headers ?? null,
    enabled: input.enabled,
    events,
    webhookByEvents: input.byEvents ?? false,
    webhookBase64: input.base64 ?? false,
    createdAt: now,
    updatedAt: now,
    instanceId,
  };
}

export function webhookAndSettingsRoutes(runtime: Runtime): EvolutionRoute[] {
  return [
    {
      method: "POST",
      path: "/webhook/set/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        const { webhook } = validated<{ webhook: WebhookInput }>(request.body, webhookSchema);
        if (webhook.enabled && !Array.isArray(webhook.events)) {
          // Not caught by the route, so the error middleware answers 500 with the TypeError's message.
          throw new TypeError("Cannot read properties of undefined (reading 'length')");
        }
        instance.webhook = buildWebhookRow(instance.row.id, instance.webhook, webhook);
        runtime.store.persist();
        return created(instance.webhook);
      },
    },
    {
      method: "GET",
      path: "/webhook/find/:instanceName",
      guard: "instance",
      handle: async (request) => {
        validated(request.body, instanceSchema);
        return ok(routeInstance(runtime, request).webhook);
      },
    },
    {
      method: "POST",
      path: "/settings/set/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        const body = validated<SettingsInput>(request.body, settingsSchema);
        instance.settings = {
          ...instance.settings,
          rejectCall: body.rejectCall,
          msgCall: body.msgCall ?? instance.settings.msgCall,
          groupsIgnore: body.groupsIgnore,
          alwaysOnline: body.alwaysOnline,
          readMessages: body.readMessages,
          readStatus: body.readStatus,
          syncFullHistory: body.syncFullHistory,
          wavoipToken: body.wavoipToken ?? instance.settings.wavoipToken,
          updatedAt: new Date().toISOString(),
        };
        runtime.store.persist();
        return created({ settings: { instanceName: instance.row.name, ...request.query, settings: body } });
      },
    },
    {
      method: "GET",
      path: "/settings/find/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const {
          id: _id,
          createdAt: _createdAt,
          updatedAt: _updatedAt,
          instanceId: _instanceId,
          ...settings
        } = routeInstance(runtime, request).settings;
        return ok(settings);
      },
    },
  ];
}
