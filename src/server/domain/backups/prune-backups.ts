import { existsSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { env } from "../../../env";
import { db } from "../../db/client";
import { MANIFEST_FILE } from "./backup-manifest";

/**
 * Deletes finished backups under BACKUP_DIR beyond the newest `keep` (folder names sort by time) and marks
 * their rows pruned. Folders without a manifest are not backups (or one being written) and are left alone.
 */
export async function pruneBackups(options: { keep: number; root?: string }): Promise<string[]> {
  const root = options.root ?? env().backupDir;
  if (!existsSync(root)) return [];
  const finished = readdirSync(root)
    .filter((name) => /^mirage-\d{4}-\d{2}-\d{2}T/.test(name) && existsSync(path.join(root, name, MANIFEST_FILE)))
    .sort()
    .reverse();
  const doomed = finished.slice(options.keep).map((name) => path.join(root, name));
  for (const dir of doomed) await rm(dir, { recursive: true, force: true });
  if (doomed.length > 0) {
    await db().backup.updateMany({ where: { location: { in: doomed } }, data: { pruned: true } });
  }
  return doomed;
}
