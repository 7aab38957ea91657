import { z } from "../../../shared/zod";

export const listBackupsOutput = z.object({
  nextRunAt: z.date().nullable(),
  remoteBucket: z.string().nullable(),
  backups: z.array(
    z.object({
      id: z.string(),
      trigger: z.enum(["manual", "scheduled"]),
      status: z.enum(["running", "succeeded", "failed"]),
      location: z.string(),
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
      bytes: z.number().nullable(),
      migration: z.string().nullable(),
      failureReason: z.string().nullable(),
      pruned: z.boolean(),
      remoteLocation: z.string().nullable(),
      remoteFailureReason: z.string().nullable(),
      remotePruned: z.boolean(),
      files: z.array(z.string()),
    }),
  ),
});

export const requestBackupOutput = z.object({ queued: z.boolean() });
