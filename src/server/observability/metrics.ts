import client, { AggregatorRegistry, Registry } from "prom-client";

const globalForMetrics = globalThis as typeof globalThis & { mirageMetrics?: ReturnType<typeof createMetrics> };

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
