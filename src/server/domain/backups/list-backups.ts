import { CronExpressionParser } from "cron-parser";
import { env } from "../../../env";
import { db } from "../../db/client";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";
import { backupFiles } from "./backup-files";

const LIST_LIMIT = 50;

/** When the worker's `backup.run` schedule (BACKUP_CRON, UTC) fires next; null when it is off or unreadable. */
export function nextScheduledBackup(cron: string, now: Date): Date | null {
  if (cron === "off") return null;
  try {
    return CronExpressionParser.parse(cron, { tz: "UTC", currentDate: now }).next().toDate();
  } catch {
    return null;
  }
}

/**
 * The installation's backups, newest first, with where each copy is (local folder, s3:// upload), size,
 * times, status and failure codes, plus the next scheduled run. Platform admins only: a backup holds every
 * organization's data and the installation's secrets, so no organization role reaches it.
 */
export async function listBackups(actor: Actor, now = new Date()) {
  if (!(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  const settings = env();
  const rows = await db().backup.findMany({ orderBy: { startedAt: "desc" }, take: LIST_LIMIT });
  return {
    nextRunAt: nextScheduledBackup(settings.BACKUP_CRON, now),
    remoteBucket: settings.backupS3?.bucket ?? null,
    backups: await Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        trigger: row.trigger as "manual" | "scheduled",
        status: row.status as "running" | "succeeded" | "failed",
        location: row.location,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
        bytes: row.bytes === null ? null : Number(row.bytes),
        migration: row.migration,
        failureReason: row.failureReason,
        pruned: row.pruned,
        remoteLocation: row.remoteLocation,
        remoteFailureReason: row.remoteFailureReason,
        remotePruned: row.remotePruned,
        // Only a finished local copy still on disk can be downloaded from the web app, file by file.
        files: row.status === "succeeded" && !row.pruned ? await backupFiles(row.location) : [],
      })),
    ),
  };
}
