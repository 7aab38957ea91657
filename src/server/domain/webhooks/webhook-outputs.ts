import { messageParamsSchema } from "../../../shared/schemas/message-params";
import { z } from "../../../shared/zod";

export const listDeadDeliveriesOutput = z.array(
  z.object({
    id: z.string(),
    instance: z.object({ id: z.string(), name: z.string() }),
    event: z.string(),
    /** Why it was set aside: a code (deliveryMalformed, deliveryFailed) worded by the UI with `errorParams`. */
    error: z.string().nullable(),
    errorParams: messageParamsSchema,
    attempts: z.number(),
    receivedAt: z.string(),
    deadAt: z.string(),
    /** The raw body, abbreviated for the list (attachments can be megabytes). */
    payloadPreview: z.string(),
  }),
);
