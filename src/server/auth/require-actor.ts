import type { Actor } from "../domain/members/actor";
import { resolveActor } from "../domain/members/resolve-actor";
import { AppError } from "../errors";
import type { SessionIdentity } from "./session-identity";

/** Set on the FORBIDDEN of a session whose organization no longer has this person (pages sign them out). */
export const NOT_A_MEMBER = "not_a_member";
/** Set on the FORBIDDEN of a member who must set up two-factor sign-in first (pages send them to enrol). */
export const TWO_FACTOR_ENROLMENT_REQUIRED = "two_factor_enrolment_required";
/** Set on the FORBIDDEN of a member who has not accepted the current terms of use (pages send them there). */
export const TERMS_ACCEPTANCE_REQUIRED = "terms_acceptance_required";

/**
 * The one access check in front of the domain, shared by `organizationProcedure` (tRPC) and
 * `memberRoute` (route handlers): signed in, a current, enabled member of the session's organization, and
 * enrolled in two-factor sign-in where the organization requires it (`allowWithoutTwoFactor` only for the
 * few calls that let a member enrol), and having accepted the current terms of use (`allowWithoutTerms` only
 * for the calls the acceptance page and enrolment need).
 */
export async function requireActor(
  identity: SessionIdentity | null,
  options: { allowWithoutTwoFactor?: boolean; allowWithoutTerms?: boolean } = {},
): Promise<Actor> {
  if (!identity) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const resolved = await resolveActor(identity.userId, identity.organizationId);
  if (!resolved) {
    throw new AppError("FORBIDDEN", "notAMember", { details: { reason: NOT_A_MEMBER } });
  }
  const { mustEnrolTwoFactor, mustAcceptTerms, ...actor } = resolved;
  if (mustEnrolTwoFactor && !options.allowWithoutTwoFactor) {
    throw new AppError("FORBIDDEN", "twoFactorEnrolmentRequired", {
      details: { reason: TWO_FACTOR_ENROLMENT_REQUIRED },
    });
  }
  if (mustAcceptTerms && !options.allowWithoutTerms) {
    throw new AppError("FORBIDDEN", "termsAcceptanceRequired", { details: { reason: TERMS_ACCEPTANCE_REQUIRED } });
  }
  return identity.sessionId ? { ...actor, sessionId: identity.sessionId } : actor;
}
