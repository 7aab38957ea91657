/** Turns an instance event into a webhook delivery: filtering, envelope, URL suffix and headers (`webhook.controller.ts`). */
import { configNameOf, urlSuffixOf, type WireEvent } from "./events.ts";
import type { Instance } from "./instance.ts";
import { webhookJwt } from "./jwt.ts";
import type { WebhookDispatcher } from "./webhook-dispatcher.ts";

export type EmitEvent = (instance: Instance, event: WireEvent, data: unknown) => void;

/** The row's custom headers sent verbatim, except `jwt_key`, which becomes `Authorization: Bearer <HS256 JWT>`. */
function deliveryHeaders(custom: Record<string, unknown> | null): Record<string, string> {
  const headers = Object.fromEntries(Object.entries(custom ?? {}).map(([name, value]) => [name, String(value)]));
  if ("jwt_key" in headers) {
    headers.Authorization = `Bearer ${webhookJwt(headers.jwt_key!)}`;
    delete headers.jwt_key;
  }
  return headers;
}

export function createEventEmitter(dispatcher: WebhookDispatcher, serverUrl: () => string): EmitEvent {
  return (instance, event, data) => {
    const row = instance.webhook;
    // Delivered only when enabled, subscribed, and the URL is http(s): the controller skips anything else silently.
    if (!row?.enabled || !row.events.includes(configNameOf(event)) || !/^(https?:\/\/)/.test(row.url)) return;

    const envelope = {
      event,
      instance: instance.row.name,
      data,
      destination: row.url,
      // Evolution writes local wall-clock time with a "Z"; the simulator's wall clock is UTC.
      date_time: new Date().toISOString(),
      sender: instance.wuid,
      server_url: serverUrl(),
      // The instance token is exposed only with AUTHENTICATION_EXPOSE_IN_FETCH_INSTANCES=true (default false).
      apikey: null,
    };
    dispatcher.deliver({
      instance: instance.row.name,
      event,
      url: row.webhookByEvents ? `${row.url}/${urlSuffixOf(event)}` : row.url,
      headers: deliveryHeaders(row.headers),
      body: JSON.stringify(envelope),
    });
  };
}
