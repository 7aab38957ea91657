import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { env } from "../../env";
import { authOptions } from "./options";

export interface SessionIdentity {
  userId: string;
  organizationId: string;
}

/** The signed-in identity of the current Next request (route handlers, server components). */
export async function getSessionIdentity(): Promise<SessionIdentity | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; organizationId?: string } | undefined;
  return user?.id && user.organizationId ? { userId: user.id, organizationId: user.organizationId } : null;
}

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The identity in a raw Cookie header (Socket.IO handshakes, which are outside Next). */
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
  if (!payload?.sub || typeof payload.organizationId !== "string") return null;
  return { userId: payload.sub, organizationId: payload.organizationId };
}
