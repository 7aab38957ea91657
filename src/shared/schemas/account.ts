import { z } from "../zod";

/** A new password: long enough to resist guessing, short enough for argon2 to hash quickly. */
export const newPasswordSchema = z.string().min(10).max(200);

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const revokeSessionInput = z.object({ sessionId: z.uuid() });

export const confirmTwoFactorInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

export const setTwoFactorRequirementInput = z.object({ required: z.boolean() });

/** A current TOTP code or an unused recovery code, to change the second factor itself. */
export const secondFactorCodeInput = z.object({ code: z.string().trim().min(6).max(40) });

/** An invitation or reset link's token (base64url, 43 characters for 256 bits). */
const linkToken = z.string().trim().min(20).max(100);

export const invitationTokenInput = z.object({ token: linkToken });

export const acceptInvitationWithNewAccountInput = z.object({
  token: linkToken,
  name: z.string().trim().min(2).max(120),
  password: newPasswordSchema,
});

export const requestPasswordResetInput = z.object({ email: z.email().max(254) });

export const resetPasswordInput = z.object({ token: linkToken, newPassword: newPasswordSchema });
