import NextAuth from "next-auth";
import { env } from "~/env";
import { errorResponse } from "~/server/api/http-error";
import { clientIp } from "~/server/auth/client-ip";
import { authOptions } from "~/server/auth/options";
import { consumePublicRateLimit } from "~/server/domain/rate-limits/public-rate-limit";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 reads params synchronously; Next 16 hands them over as a promise.
async function handler(request: Request, context: RouteContext) {
  const params = await context.params;
  return NextAuth(request as never, { params } as never, authOptions());
}

/** Sign-in and sign-out posts count against the address's public-route limit before next-auth runs. */
async function post(request: Request, context: RouteContext) {
  try {
    await consumePublicRateLimit(clientIp(request.headers, env().TRUST_PROXY));
  } catch (error) {
    return errorResponse(error);
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
