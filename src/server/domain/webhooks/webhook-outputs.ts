import { z } from "../../../shared/zod";

export const listDeadDeliveriesOutput = z.array(
  z.object({
    id: z.string(),
    instance: z.object({ id: z.string(), name: z.string() }),
    event: z.string(),
    error: z.string().nullable(),
    attempts: z.number(),
    receivedAt: z.string(),
    deadAt: z.string(),
    /** The raw body, abbreviated for the list (attachments can be megabytes). */
    payloadPreview: z.string(),
  }),
);
