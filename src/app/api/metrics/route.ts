import { timingSafeEqual } from "node:crypto";
import { env } from "~/env";
import { queueDepthGauges, workerMetricSnapshots } from "~/server/domain/system/get-readiness";
import { renderMetrics } from "~/server/observability/metrics";

export const dynamic = "force-dynamic";

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Prometheus metrics of this web process, live workers and the queues; needs METRICS_TOKEN. */
export async function GET(request: Request) {
  const expected = env().METRICS_TOKEN;
  if (!expected) {
    return new Response("Metrics are disabled: set METRICS_TOKEN to enable /api/metrics.\n", { status: 404 });
  }
  // Header only: a token in the query string ends up in access logs.
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!tokenMatches(given, expected)) {
    return new Response("Unauthorized: send Authorization: Bearer <METRICS_TOKEN>.\n", { status: 401 });
  }
  const body = await renderMetrics({
    workerSnapshots: await workerMetricSnapshots(),
    gauges: await queueDepthGauges(),
  });
  return new Response(body, { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } });
}
