import client, { AggregatorRegistry, Registry } from "prom-client";

const globalForMetrics = globalThis as typeof globalThis & {
  mirageMetrics?: ReturnType<typeof createMetrics>;
  mirageWatchedPools?: Map<string, { waitingCount: number }>;
};
const watchedPools = (globalForMetrics.mirageWatchedPools ??= new Map());

/** Reports a pg pool's waiting queries as mirage_db_pool_waiting{pool}. */
export function watchPool(name: string, pool: { waitingCount: number }): void {
  watchedPools.set(name, pool);
}

function createMetrics() {
  const registry = new Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "mirage_" });
  return {
    registry,
    httpRequests: new client.Counter({
      name: "mirage_http_requests_total",
      help: "HTTP requests by route and status",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "mirage_http_request_duration_seconds",
      help: "HTTP request duration by route",
      labelNames: ["method", "route"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobDuration: new client.Histogram({
      name: "mirage_job_duration_seconds",
      help: "Job run time by queue and outcome",
      labelNames: ["queue", "outcome"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers: [registry],
    }),
    jobFailures: new client.Counter({
      name: "mirage_job_failures_total",
      help: "Failed job attempts by queue",
      labelNames: ["queue"] as const,
      registers: [registry],
    }),
    webhookAck: new client.Histogram({
      name: "mirage_webhook_ack_seconds",
      help: "Time from a webhook's arrival to its answer, by HTTP status",
      labelNames: ["status"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    ingestionLag: new client.Histogram({
      name: "mirage_ingestion_lag_seconds",
      help: "Time from a webhook delivery being stored to its events being applied",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300],
      registers: [registry],
    }),
    // Per number by instance id (a UUID): a phone number or JID never becomes a label.
    messages: new client.Counter({
      name: "mirage_messages_total",
      help: "Messages received (inbound) and sent (outbound) per number",
      labelNames: ["instance_id", "direction"] as const,
      registers: [registry],
    }),
    sends: new client.Counter({
      name: "mirage_sends_total",
      help: "Send attempts per number by outcome (sent, not-sent, rejected, unknown)",
      labelNames: ["instance_id", "outcome"] as const,
      registers: [registry],
    }),
    sendFailures: new client.Counter({
      name: "mirage_send_failures_total",
      help: "Send attempts per number that did not certainly reach WhatsApp",
      labelNames: ["instance_id"] as const,
      registers: [registry],
    }),
    optOuts: new client.Counter({
      name: "mirage_opt_outs_total",
      help: "Contacts opted out by their own message, per number",
      labelNames: ["instance_id"] as const,
      registers: [registry],
    }),
    // Per organization (a UUID): each organization's cost is in its own currency, so costs are never summed across them.
    aiCalls: new client.Counter({
      name: "mirage_ai_calls_total",
      help: "AI calls by feature, engine (provider or local) and outcome",
      labelNames: ["organization_id", "feature", "engine", "outcome"] as const,
      registers: [registry],
    }),
    aiTokens: new client.Counter({
      name: "mirage_ai_tokens_total",
      help: "Tokens sent to (in) and received from (out) AI providers",
      labelNames: ["organization_id", "feature", "direction"] as const,
      registers: [registry],
    }),
    aiCost: new client.Counter({
      name: "mirage_ai_cost_total",
      help: "AI spend in the organization's currency",
      labelNames: ["organization_id"] as const,
      registers: [registry],
    }),
    // "min" across processes: a number counts as down when any process last saw it down.
    instanceConnected: new client.Gauge({
      name: "mirage_instance_connected",
      help: "1 while a number's WhatsApp connection is open, 0 otherwise",
      labelNames: ["instance_id"] as const,
      aggregator: "min",
      registers: [registry],
    }),
    campaignRecipients: new client.Gauge({
      name: "mirage_campaign_recipients",
      help: "A running campaign's recipients by status (its progress)",
      labelNames: ["campaign_id", "status"] as const,
      aggregator: "max",
      registers: [registry],
    }),
    dbPoolWaiting: new client.Gauge({
      name: "mirage_db_pool_waiting",
      help: "Queries waiting for a free connection in this process's database pools",
      labelNames: ["pool"] as const,
      registers: [registry],
      collect() {
        for (const [name, pool] of watchedPools) this.set({ pool: name }, pool.waitingCount);
      },
    }),
  };
}

/** This process's metrics (kept on globalThis: Next may load this module more than once). */
export function metrics() {
  globalForMetrics.mirageMetrics ??= createMetrics();
  return globalForMetrics.mirageMetrics;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A low-cardinality route label: ids folded, static assets grouped. */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next/*";
  if (pathname.startsWith("/api/trpc/"))
    return `/api/trpc/${pathname.slice(10).split(",").length > 1 ? "batch" : pathname.slice(10)}`;
  if (pathname.startsWith("/socket.io")) return "/socket.io";
  return pathname.replace(UUID, ":id").replace(/\/\d+(?=\/|$)/g, "/:n");
}

/** Merges this process's metrics with the snapshots worker processes store in Postgres (parsed by the reader). */
export async function renderMetrics(extra: { workerSnapshots: object[][]; gauges: string }): Promise<string> {
  const own = await metrics().registry.getMetricsAsJSON();
  const merged = AggregatorRegistry.aggregate([own, ...extra.workerSnapshots]);
  return `${await merged.metrics()}\n${extra.gauges}`;
}
