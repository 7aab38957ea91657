import { z } from "zod";

export const memberHoldKind = z.enum(["export", "deletion", "sign_in"]);

export const memberHoldOutput = z.object({
  id: z.string(),
  userId: z.string(),
  memberName: z.string(),
  memberEmail: z.string(),
  kind: memberHoldKind,
  observed: z.number().int(),
  threshold: z.number().int(),
  windowMinutes: z.number().int(),
  createdAt: z.date(),
  /** Set when nobody else can confirm: the hold lifts by itself then. */
  expiresAt: z.date().nullable(),
  /** The caller's own hold: another admin must confirm it. */
  ownHold: z.boolean(),
});

export type MemberHoldDto = z.infer<typeof memberHoldOutput>;

export const listMemberHoldsOutput = z.array(memberHoldOutput);

export const confirmMemberHoldInput = z.object({ holdId: z.uuid() });
export const confirmMemberHoldOutput = z.object({ confirmed: z.boolean() });
