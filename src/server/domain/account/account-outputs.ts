import { z } from "../../../shared/zod";

export const getMyAccountOutput = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  mustChangePassword: z.boolean(),
});

export const changePasswordOutput = z.object({ endedSessions: z.number().int() });
