import { z } from "../../../shared/zod";
import { memberRoleSchema } from "../../../shared/schemas/members";

export const invitationOutput = z.object({
  invitationId: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  invitedByName: z.string().nullable(),
  createdAt: z.date(),
  expiresAt: z.date(),
  expired: z.boolean(),
});

export const listInvitationsOutput = z.array(invitationOutput);

/** What the admin sees after inviting or resending: the link itself (shown to copy) and whether it was e-mailed. */
export const invitationLinkOutput = z.object({
  invitation: invitationOutput,
  link: z.string(),
  emailed: z.boolean(),
});

/** What the holder of a link sees before accepting. */
export const previewInvitationOutput = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  expiresAt: z.date(),
  /** The e-mail already has an account: its owner must sign in as it to accept. */
  hasAccount: z.boolean(),
});

export const acceptInvitationOutput = z.object({ organizationId: z.string(), email: z.string() });
