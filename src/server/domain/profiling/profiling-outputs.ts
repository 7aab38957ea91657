import { z } from "zod";
import { profileKinds, profileStates, profileTargets } from "../../../shared/schemas/profiling";

export const requestProfileOutput = z.object({ profileId: z.string() });

export const listProfilesOutput = z.array(
  z.object({
    id: z.string(),
    target: z.enum(profileTargets),
    kind: z.enum(profileKinds),
    durationSeconds: z.number().int().nullable(),
    state: z.enum(profileStates),
    processLabel: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    failureReason: z.string().nullable(),
    requestedAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
  }),
);
