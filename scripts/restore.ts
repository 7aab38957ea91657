import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadDotEnv, parseStorageSettings } from "../src/env";
import { closeConnections } from "../src/server/close-connections";
import { downloadBackup } from "../src/server/domain/backups/download-backup";
import { restoreBackup, type RestoreTarget } from "../src/server/domain/backups/restore-backup";
import { isSetupError, prepareDatabase } from "./prepare-database";

// `npm run restore -- <backup folder | s3://bucket/prefix/mirage-…> [--force]` (an s3:// backup, also as `--from`, is downloaded first): into MIRAGE_DATA_DIR (embedded database) or the empty
// database at DATABASE_URL; then the database is started once, brought to the current migrations and stopped.
loadDotEnv();

const refusals: Record<string, (params: Record<string, unknown>) => string> = {
  backupManifestInvalid: () => "This folder is not a Mirage backup (manifest.json missing or unreadable).",
  backupFileCorrupt: (p) => `Backup file ${String(p.file)} does not match its checksum: the backup is damaged.`,
  restoreTargetNotEmpty: () =>
    "The restore target already holds data. Restore into an empty target, or add --force to replace it.",
  restoreTargetInUse: () => "A running Mirage uses the restore target. Stop it first.",
  restoreKindUnsupported: (p) =>
    `A ${String(p.kind)} backup cannot be restored into the ${String(p.target)} database (see README, Operations).`,
  restoreMediaStoreMissing: () =>
    "This backup holds S3 media: set MEDIA_STORE=s3 and the S3_* settings of the bucket to restore them into.",
  backupUrlInvalid: (p) => `${String(p.url)} is not a backup address (s3://bucket/prefix/mirage-…).`,
  backupStorageUnavailable: (p) => `The backup bucket ${String(p.bucket)} could not be reached or refused the request.`,
  postgresToolMissing: (p) =>
    `No ${String(p.tool)} of PostgreSQL ${String(p.serverMajor)} was found. Install postgresql-client-${String(p.serverMajor)}, or set MIRAGE_PG_BIN_DIR.`,
  postgresClientTooOld: (p) =>
    `The ${String(p.tool)} found (${String(p.found)}) is older than the PostgreSQL ${String(p.serverMajor)} server. Install postgresql-client-${String(p.serverMajor)}, or set MIRAGE_PG_BIN_DIR.`,
};

async function main() {
  const args = process.argv.slice(2);
  const fromIndex = args.indexOf("--from");
  const positional = args.find((arg, i) => !arg.startsWith("--") && (fromIndex < 0 || i !== fromIndex + 1));
  // An s3:// address works in either place: `--from s3://…` or as the backup itself.
  const from = fromIndex >= 0 ? args[fromIndex + 1] : positional?.startsWith("s3://") ? positional : undefined;
  let dir = positional === from ? undefined : positional;
  if (!dir && !from) {
    console.error(
      "mirage: usage: npm run restore -- <backup folder | s3://bucket/prefix/mirage-…> [--force]  (or --from s3://…)",
    );
    process.exit(2);
  }
  const storage = parseStorageSettings();
  let scratch: string | null = null;
  if (from) {
    const credentials = storage.backupS3 ?? (storage.media.store === "s3" ? storage.media.s3 : null);
    if (!credentials) {
      console.error("mirage: set BACKUP_S3_BUCKET and its credentials (see .env.example) to restore from S3.");
      process.exit(2);
    }
    scratch = await mkdtemp(path.join(tmpdir(), "mirage-restore-download-"));
    console.log(`Downloading ${from}…`);
    dir = await downloadBackup(from, credentials, scratch);
  }
  const dataDir = path.resolve(process.env.MIRAGE_DATA_DIR || ".data");
  const mediaDir = path.resolve(process.env.MEDIA_DIR || path.join(dataDir, "media"));
  const target: RestoreTarget = process.env.DATABASE_URL
    ? { kind: "external", databaseUrl: process.env.DATABASE_URL, mediaDir, pgBinDir: process.env.MIRAGE_PG_BIN_DIR }
    : { kind: "embedded", dataDir, mediaDir };
  target.mediaS3 = storage.media.store === "s3" ? storage.media.s3 : null;
  const manifest = await restoreBackup({ dir: path.resolve(dir!), target, force: args.includes("--force") }).finally(
    () => scratch && rm(scratch, { recursive: true, force: true }),
  );
  console.log(`Restored the backup of ${manifest.createdAt} (migration ${manifest.migration}); checking it starts…`);
  const { embedded } = await prepareDatabase(console.log);
  await closeConnections();
  await embedded?.stop();
  console.log("Restore complete. Start Mirage as usual.");
}

main().catch((error: Error & { reason?: string; params?: Record<string, unknown> }) => {
  // Refusals are AppErrors (scripts do not import the errors module): worded here for the terminal.
  const refusal = error.reason ? refusals[error.reason] : undefined;
  if (refusal) {
    console.error(`mirage: ${refusal(error.params ?? {})}`);
  } else {
    console.error(`mirage: ${isSetupError(error) ? error.message : (error as Error).stack}`);
  }
  process.exit(1);
});
