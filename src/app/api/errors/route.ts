import { env } from "~/env";
import { clientIp } from "~/server/auth/client-ip";
import { requireActor } from "~/server/auth/require-actor";
import { getSessionIdentity } from "~/server/auth/session";
import { publicRoute } from "~/server/api/route-handler";
import { recordBrowserError } from "~/server/domain/errors/record-browser-error";
import { consumeBrowserErrorRateLimit } from "~/server/domain/rate-limits/browser-error-rate-limit";
import { AppError } from "~/server/errors";
import { BROWSER_ERROR_MAX_BYTES, browserErrorReport } from "~/shared/schemas/errors";

/**
 * The browser's error reports (src/app/_components/error-reporter.tsx): rate-limited per address,
 * size-capped, validated; a member's go to their organization, anyone else's are system-wide.
 */
export const POST = publicRoute(async ({ request }) => {
  await consumeBrowserErrorRateLimit(clientIp(request.headers, env().TRUST_PROXY));
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > BROWSER_ERROR_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge");
  const body = await request.text();
  if (Buffer.byteLength(body) > BROWSER_ERROR_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge");
  const report = browserErrorReport.parse(parseJson(body));
  const actor = await requireActor(await getSessionIdentity()).catch(() => null);
  await recordBrowserError(report, {
    organizationId: actor?.organizationId ?? null,
    userAgent: request.headers.get("user-agent"),
  });
  return new Response(null, { status: 204 });
});

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new AppError("BAD_REQUEST", "badRequest");
  }
}
