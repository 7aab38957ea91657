import path from "node:path";
import { loadDotEnv } from "../src/env";
import { closeConnections } from "../src/server/close-connections";
import { restoreBackup, type RestoreTarget } from "../src/server/domain/backups/restore-backup";
import { isSetupError, prepareDatabase } from "./prepare-database";

// `npm run restore -- <backup folder> [--force]`: into MIRAGE_DATA_DIR (embedded database) or the empty
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
};

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((arg) => !arg.startsWith("--"));
  if (!dir) {
    console.error("mirage: usage: npm run restore -- <backup folder> [--force]");
    process.exit(2);
  }
  const dataDir = path.resolve(process.env.MIRAGE_DATA_DIR || ".data");
  const mediaDir = path.resolve(process.env.MEDIA_DIR || path.join(dataDir, "media"));
  const target: RestoreTarget = process.env.DATABASE_URL
    ? { kind: "external", databaseUrl: process.env.DATABASE_URL, mediaDir, pgBinDir: process.env.MIRAGE_PG_BIN_DIR }
    : { kind: "embedded", dataDir, mediaDir };
  const manifest = await restoreBackup({ dir: path.resolve(dir), target, force: args.includes("--force") });
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
