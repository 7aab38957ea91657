import { env } from "~/env";
import { errorResponse } from "~/server/api/http-error";
import { publicRoute } from "~/server/api/route-handler";
import { clientIp } from "~/server/auth/client-ip";
import { submitOptIn } from "~/server/domain/consent/submit-opt-in";
import { consumePublicRateLimit } from "~/server/domain/rate-limits/public-rate-limit";
import { AppError, toPublicError } from "~/server/errors";
import { submitOptInInput } from "~/shared/schemas/legal";

export const dynamic = "force-dynamic";

/**
 * The public opt-in form's post (no session). Counted against the address's public limit first. A
 * browser's form post is answered with a redirect back to the page (works without JavaScript); a JSON
 * post gets the app's usual JSON answer.
 */
export const POST = publicRoute<{ token: string }>(async ({ request, params: { token } }) => {
  const ip = clientIp(request.headers, env().TRUST_PROXY);
  await consumePublicRateLimit(ip);
  const isJson = request.headers.get("content-type")?.includes("application/json") ?? false;
  const raw = isJson ? await request.json() : Object.fromEntries(await request.formData());
  const page = new URL(`/optin/${encodeURIComponent(token)}`, env().APP_URL);
  try {
    const parsed = submitOptInInput.safeParse(raw);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "optInNotAccepted");
    const result = await submitOptIn(token, parsed.data, { ipAddress: ip });
    if (isJson) return Response.json(result);
    page.searchParams.set("status", "sent");
  } catch (error) {
    if (isJson) return errorResponse(error);
    page.searchParams.set("error", toPublicError(error).reason);
  }
  return new Response(null, { status: 303, headers: { location: page.pathname + page.search } });
});
