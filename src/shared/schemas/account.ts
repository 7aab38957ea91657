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
