import { z } from "zod";

export const profileTargets = ["web", "worker"] as const;
export const profileKinds = ["cpu", "heap"] as const;
export const profileStates = ["pending", "running", "done", "failed"] as const;

/** Up to two minutes: long enough to catch a slow period, short enough that the sampling overhead stays brief. */
export const PROFILE_MIN_SECONDS = 1;
export const PROFILE_MAX_SECONDS = 120;

/** A CPU profile samples for `durationSeconds`; a heap snapshot is one instant and takes none. */
export const requestProfileInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cpu"),
    target: z.enum(profileTargets),
    durationSeconds: z.number().int().min(PROFILE_MIN_SECONDS).max(PROFILE_MAX_SECONDS),
  }),
  z.object({ kind: z.literal("heap"), target: z.enum(profileTargets) }),
]);
export type RequestProfileInput = z.infer<typeof requestProfileInput>;
