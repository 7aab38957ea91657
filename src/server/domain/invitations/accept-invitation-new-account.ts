import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { hashPassword } from "../auth/password";
import { claimInvitation } from "./claim-invitation";
import { findUsableInvitation } from "./find-invitation-by-token";
import type { acceptInvitationOutput } from "./invitation-outputs";
import type { z } from "../../../shared/zod";

/**
 * A new person accepts an invitation by choosing their name and password. An e-mail that already has an
 * account is refused here: its owner must sign in and accept as that account.
 */
export async function acceptInvitationWithNewAccount(input: {
  token: string;
  name: string;
  password: string;
}): Promise<z.infer<typeof acceptInvitationOutput>> {
  const invitation = await findUsableInvitation(input.token);
  const passwordHash = await hashPassword(input.password);
  await withOrganization(invitation.organizationId, async (tx) => {
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "invitationNeedsSignIn");
    }
    const user = await tx.user.create({ data: { email: invitation.email, name: input.name.trim(), passwordHash } });
    await claimInvitation(tx, invitation, { id: user.id, newAccount: true });
  });
  return { organizationId: invitation.organizationId, email: invitation.email };
}
