import { decode } from "next-auth/jwt";
import { env } from "../../env";
import { activeIdentity } from "./active-identity";
import type { SessionIdentity } from "./session-identity";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The identity in a raw Cookie header, for Socket.IO handshakes: they reach server.ts outside Next's
 * request scope, so this file must stay free of `server-only` (server.ts runs under plain Node).
 */
export async function identityFromCookieHeader(cookieHeader: string | undefined): Promise<SessionIdentity | null> {
  if (!cookieHeader) return null;
  const cookies = new Map(
    cookieHeader.split(";").map((part) => {
      const index = part.indexOf("=");
      return [part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim())] as const;
    }),
  );
  const token = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  if (!token) return null;
  const payload = await decode({ token, secret: env().AUTH_SECRET }).catch(() => null);
  if (!payload) return null;
  return activeIdentity({ userId: payload.sub, organizationId: payload.organizationId, sessionId: payload.sid });
}
