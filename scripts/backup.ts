import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { env, loadDotEnv } from "../src/env";
import { closeConnections } from "../src/server/close-connections";
import type { EmbeddedDatabase } from "../src/server/db/embedded-postgres";
import { createBackup } from "../src/server/domain/backups/create-backup";
import { isSetupError, prepareDatabase } from "./prepare-database";

// `npm run backup`: one backup now, into BACKUP_DIR (see README, Operations). Works with Mirage running or
// stopped; stopped with the embedded database, that database is started for the backup and stopped after.
loadDotEnv();

function mirageIsRunning(dataDir: string): boolean {
  const lock = path.join(dataDir, "mirage.pid");
  if (!existsSync(lock)) return false;
  try {
    process.kill(Number(readFileSync(lock, "utf8")), 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  let embedded: EmbeddedDatabase | null = null;
  const dataDir = path.resolve(process.env.MIRAGE_DATA_DIR || ".data");
  if (process.env.DATABASE_URL || !mirageIsRunning(dataDir))
    embedded = (await prepareDatabase(() => undefined)).embedded;
  try {
    const result = await createBackup({ trigger: "manual" });
    console.log(`Backup written to ${result.dir} (${result.bytes} bytes, migration ${result.manifest.migration}).`);
    if (result.remote) console.log(`Uploaded to ${result.remote.url}.`);
    for (const dir of [...result.prunedDirs, ...(result.remote?.pruned ?? [])])
      console.log(`Deleted old backup ${dir} (BACKUP_RETENTION_COUNT=${env().BACKUP_RETENTION_COUNT}).`);
  } finally {
    await closeConnections();
    await embedded?.stop();
  }
}

main().catch((error: Error & { reason?: string; params?: Record<string, unknown> }) => {
  if (error.reason === "backupUploadFailed") {
    console.error(
      `mirage: backup kept in ${String(error.params?.dir)}, but the upload to the bucket ${String(error.params?.bucket)} failed: backupUploadFailed (see README, Backups)`,
    );
    process.exit(1);
  }
  // A missing or too old pg_dump is a refusal with a code: name it and its parameters, not a stack.
  if (error.reason?.startsWith("postgres") || error.reason === "backupStorageUnavailable") {
    console.error(
      `mirage: backup refused: ${error.reason} ${JSON.stringify(error.params ?? {})} (see README, Backups)`,
    );
    process.exit(1);
  }
  console.error(`mirage: ${isSetupError(error) ? error.message : (error as Error).stack}`);
  process.exit(1);
});
