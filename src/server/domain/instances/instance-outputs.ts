import { instanceEventDetailSchema } from "../../../shared/schemas/instances";
import { z } from "../../../shared/zod";
import { ConnectionState, InstancePurpose } from "../../db/generated/enums";

/** What the instances procedures return; the browser's types are inferred from these (src/trpc/types.ts). */
export const instanceOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  purpose: z.enum(InstancePurpose),
  dailySendLimit: z.number(),
  state: z.enum(ConnectionState),
  /** A neutral disconnect reason code (src/shared/instance-reasons.ts). */
  stateReason: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  profileName: z.string().nullable(),
  profilePictureUrl: z.string().nullable(),
  lastEventAt: z.date().nullable(),
  downSince: z.date().nullable(),
  reconnectAttempts: z.number(),
  nextReconnectAt: z.date().nullable(),
  createdAt: z.date(),
});

export const listInstancesOutput = z.object({
  instances: z.array(
    instanceOutput.extend({
      uptime24h: z.number().nullable(),
      uptime7d: z.number().nullable(),
      // Down (not by choice) for longer than INSTANCE_DOWN_ALERT_MINUTES.
      alert: z.boolean(),
    }),
  ),
  evolution: z.object({
    isSimulator: z.boolean(),
    circuit: z.enum(["closed", "open", "half-open"]),
    lastError: z.string().nullable(),
  }),
});

export const getInstanceOutput = instanceOutput.extend({
  qrDataUrl: z.string().nullable(),
  pairingCode: z.string().nullable(),
  timeline: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      state: z.string().nullable(),
      /** A neutral disconnect reason code (src/shared/instance-reasons.ts). */
      statusReason: z.string().nullable(),
      /** What happened, as a code with parameters; null for none (or prose stored before codes). */
      detail: instanceEventDetailSchema.nullable(),
      occurredAt: z.date(),
    }),
  ),
});

export const createInstanceOutput = instanceOutput;

export const connectInstanceOutput = z.object({
  state: z.enum(["open", "connecting"]),
  qrDataUrl: z.string().nullable(),
  pairingCode: z.string().nullable(),
});
