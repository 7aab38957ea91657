import { isSessionActive } from "../domain/sessions/check-session";
import type { SessionIdentity } from "./session-identity";

/**
 * The identity in a verified JWT's claims, honoured only while the server-side session it names is active:
 * a token without one (issued before sessions were tracked) or of a revoked session identifies nobody.
 */
export async function activeIdentity(claims: {
  userId?: unknown;
  organizationId?: unknown;
  sessionId?: unknown;
}): Promise<SessionIdentity | null> {
  const { userId, organizationId, sessionId } = claims;
  if (typeof userId !== "string" || typeof organizationId !== "string" || typeof sessionId !== "string") return null;
  if (!(await isSessionActive(sessionId, userId))) return null;
  return { userId, organizationId, sessionId };
}
