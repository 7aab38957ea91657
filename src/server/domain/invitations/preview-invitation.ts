import { db } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { findUsableInvitation } from "./find-invitation-by-token";
import type { previewInvitationOutput } from "./invitation-outputs";
import type { z } from "../../../shared/zod";

/** What an invitation link offers, for its page: which organization, which e-mail and role, whether to sign in. */
export async function previewInvitation(input: { token: string }): Promise<z.infer<typeof previewInvitationOutput>> {
  const invitation = await findUsableInvitation(input.token);
  const organization = await withOrganization(invitation.organizationId, (tx) =>
    tx.organization.findUniqueOrThrow({ where: { id: invitation.organizationId }, select: { name: true } }),
  );
  const account = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    organizationName: organization.name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    hasAccount: account !== null,
  };
}
