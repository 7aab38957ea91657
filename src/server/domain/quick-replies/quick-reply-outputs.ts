import { z } from "../../../shared/zod";

export const quickReplyOutput = z.object({ id: z.string(), shortcut: z.string(), body: z.string() });

export const listQuickRepliesOutput = z.array(quickReplyOutput);
export const saveQuickReplyOutput = quickReplyOutput;
