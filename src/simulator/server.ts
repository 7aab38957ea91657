/**
 * A standalone HTTP server speaking Evolution API 2.3.x's REST surface, auth rules, error shapes and webhook
 * deliveries (see /work/shared/evolution-api-contract.md), plus a control API under `/_control` that plays the
 * phone and WhatsApp's side.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectionLifecycle } from "./connection-lifecycle.ts";
import { createEvolutionHandler } from "./evolution-app.ts";
import { chatRoutes } from "./routes/chat-routes.ts";
import { createControlHandler } from "./routes/control-routes.ts";
import { instanceRoutes } from "./routes/instance-routes.ts";
import { messageRoutes } from "./routes/message-routes.ts";
import { rootRoutes } from "./routes/root-routes.ts";
import { webhookAndSettingsRoutes } from "./routes/webhook-settings-routes.ts";
import type { Runtime } from "./runtime.ts";
import { SimulatorStore } from "./store.ts";
import { Timers } from "./timers.ts";
import { WebhookDispatcher } from "./webhook-dispatcher.ts";
import { createEventEmitter } from "./webhook-events.ts";

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The global key (Evolution's AUTHENTICATION_API_KEY). */
  apiKey: string;
  /** `server_url` in webhook envelopes; defaults to the simulator's own URL. */
  serverUrl?: string;
  /** QR rotation period (Baileys' qrTimeout), default 45000. */
  qrIntervalMs?: number;
  /** QRCODE_LIMIT, default 30. */
  qrLimit?: number;
  /** WEBHOOK_RETRY_INITIAL_DELAY_SECONDS in ms, default 5000. */
  webhookRetryBaseMs?: number;
  /** WEBHOOK_RETRY_MAX_DELAY_SECONDS in ms, default 300000. */
  webhookRetryMaxMs?: number;
  /** WEBHOOK_RETRY_MAX_ATTEMPTS, default 10. */
  webhookMaxAttempts?: number;
  /** WEBHOOK_REQUEST_TIMEOUT_MS, default 30000. */
  webhookTimeoutMs?: number;
  /** Silent reconnect delay for non-terminal drops, default 1500. */
  reconnectDelayMs?: number;
  /** Optional JSON file: instances, settings, webhook config and sessions persist across restarts. */
  stateFile?: string;
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const closing = new AbortController();
  const timers = new Timers();
  const store = new SimulatorStore(options.stateFile);
  const dispatcher = new WebhookDispatcher(
    {
      baseMs: options.webhookRetryBaseMs ?? 5_000,
      maxMs: options.webhookRetryMaxMs ?? 300_000,
      maxAttempts: options.webhookMaxAttempts ?? 10,
      timeoutMs: options.webhookTimeoutMs ?? 30_000,
    },
    timers,
  );
  let serverUrl = options.serverUrl ?? "";
  const emit = createEventEmitter(dispatcher, () => serverUrl);
  const lifecycle = new ConnectionLifecycle(
    {
      qrIntervalMs: options.qrIntervalMs ?? 45_000,
      qrLimit: options.qrLimit ?? 30,
      reconnectDelayMs: options.reconnectDelayMs ?? 1_500,
    },
    emit,
    timers,
    store,
  );
  const runtime: Runtime = {
    apiKey: options.apiKey,
    store,
    lifecycle,
    emit,
    dispatcher,
    timers,
    closing: closing.signal,
    outage: { down: false },
  };

  const evolution = createEvolutionHandler(runtime, [
    ...rootRoutes(),
    ...instanceRoutes(runtime),
    ...webhookAndSettingsRoutes(runtime),
    ...messageRoutes(runtime),
    ...chatRoutes(runtime),
  ]);
  const control = createControlHandler(runtime);

  const server = http.createServer((incoming, response) => {
    const url = new URL(incoming.url ?? "/", "http://simulator.local");
    const isControl = url.pathname === "/_control" || url.pathname.startsWith("/_control/");
    if (!isControl && runtime.outage.down) {
      incoming.socket.destroy();
      return;
    }
    (isControl ? control : evolution)(incoming, response, url).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(String(error));
    });
  });

  const address = await listen(server, options.port ?? 0, host);
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  serverUrl ||= url;

  // Like Evolution at boot, only instances with a saved session get a socket and reopen. One logged out (its
  // session deleted) or never paired stays closed, reporting its last disconnect, until `/instance/connect`:
  // starting a socket for it would show "connecting" and new QRs for a number nobody asked to pair.
  for (const instance of store.loadPersisted()) {
    if (instance.session) void lifecycle.startSocket(instance, undefined);
    else lifecycle.restoreClosed(instance);
  }

  let closed: Promise<void> | undefined;
  return {
    url,
    close() {
      closed ??= new Promise((resolve) => {
        closing.abort();
        timers.stop();
        dispatcher.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
