import "server-only";
import { getServerSession } from "next-auth";
import { activeIdentity } from "./active-identity";
import { authOptions } from "./options";
import type { SessionIdentity } from "./session-identity";

/** The signed-in identity of the current Next request (route handlers, server components). */
export async function getSessionIdentity(): Promise<SessionIdentity | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; organizationId?: string; sessionId?: string } | undefined;
  return user
    ? activeIdentity({ userId: user.id, organizationId: user.organizationId, sessionId: user.sessionId })
    : null;
}
