import { env } from "~/env";
import { consumeWebhookRateLimit } from "~/server/domain/rate-limits/webhook-rate-limit";
import { authenticateWebhook, receiveWebhook } from "~/server/domain/instances/receive-webhook";
import { WEBHOOK_SECRET_HEADER } from "~/server/domain/instances/instance-webhook";
import { errorResponse } from "~/server/api/http-error";
import { AppError, toPublicError } from "~/server/errors";
import { logger } from "~/server/logger";
import { metrics } from "~/server/observability/metrics";
import { withSpan } from "~/server/observability/trace";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ organizationId: string; instanceId: string }> };

/** Reads the body up to `limit` bytes; null when it is larger. */
async function readLimited(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Evolution API webhook intake: authenticate, store raw in one statement, answer 200 at once. 4xx only
 * for what a retry cannot fix (Evolution does not retry 4xx); anything transient is a 5xx — a saturated
 * intake pool or an unreachable database answers 503 at once. Authenticated by the instance's secret
 * rather than a session and logged by its own policy (503 is expected back-pressure), so not a
 * `memberRoute`; its errors still leave through the one mapping, `errorResponse`.
 */
export async function POST(request: Request, { params }: Params) {
  const started = performance.now();
  const { organizationId, instanceId } = await params;
  const response = await withSpan("webhook.receive", { organizationId, instanceId }, () =>
    intake(request, organizationId, instanceId),
  );
  metrics().webhookAck.observe({ status: String(response.status) }, (performance.now() - started) / 1000);
  return response;
}

async function intake(request: Request, organizationId: string, instanceId: string): Promise<Response> {
  const secret = request.headers.get(WEBHOOK_SECRET_HEADER);
  let body: Buffer | null = null;
  try {
    await authenticateWebhook({ organizationId, instanceId, secret });
    // Counted after authentication, so a flood with a wrong secret cannot starve the instance's deliveries.
    await consumeWebhookRateLimit(instanceId);
    body = await readLimited(request, env().WEBHOOK_MAX_BYTES);
    if (body === null) {
      logger.warn({ instanceId }, "webhook body over WEBHOOK_MAX_BYTES");
      return errorResponse(new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge"));
    }
    const received = await receiveWebhook({ provider: "evolution", organizationId, instanceId, secret, body });
    return Response.json({ ok: true, duplicate: !received.stored });
  } catch (error) {
    const published = toPublicError(error);
    // A code for operators (e.g. intake_pool_saturated) next to the message; no internals.
    const reason = published.status === 503 && error instanceof AppError ? error.details?.reason : undefined;
    if (published.status === 429) {
      logger.warn({ instanceId, status: 429 }, "webhook rate-limited (429)");
    } else if (published.status === 503) {
      // Back-pressure, expected under bursts: one short warning, not a stack trace per request.
      logger.warn({ instanceId, status: 503, reason }, "webhook deferred (503)");
    } else {
      const log = published.status >= 500 ? logger.error.bind(logger) : logger.warn.bind(logger);
      log(
        {
          instanceId,
          status: published.status,
          err: error,
          bodyPreview: published.status === 400 ? body?.subarray(0, 500).toString("utf8") : undefined,
        },
        "webhook refused",
      );
    }
    // 503: busy or the database is away; a short Retry-After keeps Evolution's retries from piling up.
    const headers = published.status === 503 ? { "Retry-After": "1" } : undefined;
    return errorResponse(error, { headers, extra: { reason } });
  }
}
