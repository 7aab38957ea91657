import { timingSafeEqual } from "node:crypto";
import { env } from "~/env";
import { publicRoute } from "~/server/api/route-handler";
import { queueDepthGauges, workerMetricSnapshots } from "~/server/domain/system/get-readiness";
import { AppError } from "~/server/errors";
import { renderMetrics } from "~/server/observability/metrics";

export const dynamic = "force-dynamic";

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Prometheus metrics of this web process, live workers and the queues; needs METRICS_TOKEN. */
export const GET = publicRoute(async ({ request }) => {
  const expected = env().METRICS_TOKEN;
  // Operator-facing (a Prometheus scrape config), hence English.
  if (!expected) throw new AppError("NOT_FOUND", "metricsDisabled");
  // Header only: a token in the query string ends up in access logs.
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!tokenMatches(given, expected)) {
    throw new AppError("UNAUTHENTICATED", "metricsTokenRequired");
  }
  const body = await renderMetrics({
    workerSnapshots: await workerMetricSnapshots(),
    gauges: await queueDepthGauges(),
  });
  return new Response(body, { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } });
});
