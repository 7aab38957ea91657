import { withInvitationToken } from "../../db/tenant";
import { AppError } from "../../errors";
import { linkTokenHash } from "../auth/link-token";

/**
 * The invitation a link names, if it can still be accepted; otherwise why not (a code the page words). The
 * lookup goes by the token's hash, the only way Row-Level Security lets a visitor see an invitation.
 */
export async function findUsableInvitation(token: string) {
  const invitation = await withInvitationToken(linkTokenHash(token), (tx) =>
    tx.invitation.findUnique({ where: { tokenHash: linkTokenHash(token) } }),
  );
  if (!invitation || invitation.revokedAt) throw new AppError("NOT_FOUND", "invitationInvalid");
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "invitationUsed");
  if (invitation.expiresAt <= new Date()) throw new AppError("CONFLICT", "invitationExpired");
  return invitation;
}
