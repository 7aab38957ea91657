import { z } from "../zod";
import { instanceEventDetails } from "../instance-reasons";
import { messageParamsSchema } from "./message-params";

export const instancePurposes = ["atendimento", "campanhas"] as const;

export const createInstanceInput = z.object({
  name: z.string().trim().min(2).max(60),
  description: z.string().trim().max(280).optional(),
  purpose: z.enum(instancePurposes),
  dailySendLimit: z.number().int().min(1).max(100_000),
});

export const instanceIdInput = z.object({ instanceId: z.uuid() });

export const connectInstanceInput = z.object({
  instanceId: z.uuid(),
  /** For a pairing code instead of a QR: the number to pair, with country code. */
  phoneNumber: z
    .string()
    .trim()
    .regex(/^\+?\d{10,15}$/, { error: "pairingNumberFormat" })
    .optional(),
});

export const connectionStates = ["open", "connecting", "close", "refused"] as const;

export const instanceEventDetailSchema = z.object({
  code: z.enum(instanceEventDetails),
  params: messageParamsSchema,
});
