import { db } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { claimInvitation } from "./claim-invitation";
import { findUsableInvitation } from "./find-invitation-by-token";
import type { acceptInvitationOutput } from "./invitation-outputs";
import type { z } from "../../../shared/zod";

/**
 * The owner of an existing account, signed in as it, accepts an invitation sent to its e-mail. Someone
 * signed in as another account cannot spend the link.
 */
export async function acceptInvitationSignedIn(
  userId: string,
  input: { token: string },
): Promise<z.infer<typeof acceptInvitationOutput>> {
  const invitation = await findUsableInvitation(input.token);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  if (user.email !== invitation.email) throw new AppError("FORBIDDEN", "invitationForAnotherAccount");
  await withOrganization(invitation.organizationId, (tx) =>
    claimInvitation(tx, invitation, { id: user.id, newAccount: false }),
  );
  return { organizationId: invitation.organizationId, email: invitation.email };
}
