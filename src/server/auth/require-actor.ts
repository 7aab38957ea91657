import type { Actor } from "../domain/members/actor";
import { resolveActor } from "../domain/members/resolve-actor";
import { AppError } from "../errors";
import type { SessionIdentity } from "./session-identity";

/** Set on the FORBIDDEN of a session whose organization no longer has this person (pages sign them out). */
export const NOT_A_MEMBER = "not_a_member";

/**
 * The one access check in front of the domain, shared by `organizationProcedure` (tRPC) and
 * `memberRoute` (route handlers): signed in, and a current, enabled member of the session's organization.
 */
export async function requireActor(identity: SessionIdentity | null): Promise<Actor> {
  if (!identity) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const actor = await resolveActor(identity.userId, identity.organizationId);
  if (!actor) {
    throw new AppError("FORBIDDEN", "notAMember", { details: { reason: NOT_A_MEMBER } });
  }
  return identity.sessionId ? { ...actor, sessionId: identity.sessionId } : actor;
}
