import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { env, type BackupS3Settings } from "../../../env";
import { db } from "../../db/client";
import { snapshotCluster } from "../../db/cluster-snapshot";
import { dumpDatabase, migrationLevel } from "../../db/database-dump";
import { readLocalSecrets } from "../../db/secrets";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { gzip } from "./archive";
import { describeFile, MANIFEST_FILE, type BackupManifest } from "./backup-manifest";
import { pruneBackups } from "./prune-backups";
import { pruneRemoteBackups } from "./prune-remote-backups";
import { backUpS3Media } from "./s3-media-backup";
import { uploadBackup } from "./upload-backup";

const run = promisify(execFile);

export interface BackupResult {
  backupId: string;
  dir: string;
  manifest: BackupManifest;
  bytes: number;
  prunedDirs: string[];
  /** The s3:// URL of the uploaded copy (BACKUP_S3_BUCKET), and the uploaded backups retention deleted. */
  remote: { url: string; pruned: string[] } | null;
}

/**
 * A backup of the whole installation into a new timestamped folder under BACKUP_DIR: the database (a
 * physical copy of the embedded cluster, or pg_dump of DATABASE_URL), the local media store, the data
 * directory's generated secrets, and a manifest with sizes and checksums, written last. Uploaded to
 * BACKUP_S3_BUCKET when set. Recorded in `backups`; older backups past BACKUP_RETENTION_COUNT are deleted
 * afterwards, on disk and in the bucket.
 */
export async function createBackup(options: {
  trigger: "manual" | "scheduled";
  now?: Date;
  /** Default BACKUP_DIR. */
  root?: string;
}): Promise<BackupResult> {
  const settings = env();
  const createdAt = options.now ?? new Date();
  const root = options.root ?? settings.backupDir;
  const dir = path.join(root, `mirage-${createdAt.toISOString().replaceAll(":", "-").replace(".", "-")}`);
  const record = await db().backup.create({ data: { trigger: options.trigger, status: "running", location: dir } });
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const migration = await migrationLevel(settings.DATABASE_URL);
    const database = await backUpDatabase(dir);
    const media = await backUpMedia(dir);
    const secrets = await backUpSecrets(dir);
    const manifest: BackupManifest = {
      format: "mirage-backup/1",
      createdAt: createdAt.toISOString(),
      mirageVersion: await mirageVersion(),
      migration,
      database,
      media,
      secrets,
    };
    await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const bytes = [database, secrets, media.archive].reduce(
      (sum, file) => sum + (file?.bytes ?? 0),
      (await describeFile(dir, MANIFEST_FILE)).bytes,
    );
    await db().backup.update({
      where: { id: record.id },
      data: { status: "succeeded", finishedAt: new Date(), bytes: BigInt(bytes), migration },
    });
    const upload = settings.backupS3 ? await uploadCopy(record.id, dir, settings.backupS3) : null;
    const prunedDirs = await pruneBackups({ keep: settings.BACKUP_RETENTION_COUNT, root });
    if (upload?.failure) throw upload.failure;
    const remote =
      upload?.url && settings.backupS3
        ? { url: upload.url, pruned: await pruneRemote(settings.backupS3, settings.BACKUP_RETENTION_COUNT) }
        : null;
    logger.info({ dir, bytes, pruned: prunedDirs.length, remote: remote?.url }, "backup written");
    return { backupId: record.id, dir, manifest, bytes, prunedDirs, remote };
  } catch (error) {
    if (error instanceof AppError && error.reason === "backupUploadFailed") throw error;
    await db().backup.update({
      where: { id: record.id },
      // The refusal's own code when there is one (e.g. no pg_dump of the server's version).
      data: { status: "failed", finishedAt: new Date(), failureReason: failureReason(error) },
    });
    // A half-written folder has no manifest and would never be restored or pruned as a backup.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Uploads the finished backup. A bucket that is missing or unreachable must not cost the local backup: it is
 * kept and recorded as succeeded with the upload's failure code, and the caller then fails with
 * `backupUploadFailed` so the run (and a scheduled job) still reports the missing offsite copy.
 */
async function uploadCopy(
  backupId: string,
  dir: string,
  settings: BackupS3Settings,
): Promise<{ url: string; failure?: never } | { url?: never; failure: AppError }> {
  try {
    const url = await uploadBackup(dir, settings);
    await db().backup.update({ where: { id: backupId }, data: { remoteLocation: url } });
    return { url };
  } catch (error) {
    const reason = failureReason(error);
    await db().backup.update({ where: { id: backupId }, data: { remoteFailureReason: reason } });
    logger.error({ err: error, dir, bucket: settings.bucket }, "backup upload failed; the local backup is kept");
    return {
      failure: new AppError("UPSTREAM_UNAVAILABLE", "backupUploadFailed", {
        params: { bucket: settings.bucket, dir },
        cause: error,
      }),
    };
  }
}

async function pruneRemote(settings: BackupS3Settings, keep: number): Promise<string[]> {
  const pruned = await pruneRemoteBackups(settings, keep);
  if (pruned.length > 0) {
    await db().backup.updateMany({ where: { remoteLocation: { in: pruned } }, data: { remotePruned: true } });
  }
  return pruned;
}

/**
 * Whether the database is this data directory's embedded cluster. `npm start` hands the web server and the
 * worker its URL in DATABASE_URL, so an unset DATABASE_URL alone does not tell.
 */
function usesEmbeddedCluster(): boolean {
  const settings = env();
  if (settings.databaseIsEmbedded) return true;
  if (!existsSync(path.join(settings.dataDir, "postgres", "PG_VERSION"))) return false;
  const url = new URL(settings.DATABASE_URL);
  return ["127.0.0.1", "localhost"].includes(url.hostname) && Number(url.port) === settings.EMBEDDED_PG_PORT;
}

async function backUpDatabase(dir: string): Promise<BackupManifest["database"]> {
  const settings = env();
  if (!usesEmbeddedCluster()) {
    const file = "database.dump";
    const { serverVersion } = await dumpDatabase({
      url: settings.DATABASE_URL,
      out: path.join(dir, file),
      binDir: settings.MIRAGE_PG_BIN_DIR,
    });
    return { kind: "pg_dump", serverVersion, ...(await describeFile(dir, file)) };
  }
  const secrets = readLocalSecrets(settings.dataDir)!;
  const tarFile = path.join(dir, "database.tar");
  const { serverVersion } = await snapshotCluster({
    clusterDir: path.join(settings.dataDir, "postgres"),
    port: settings.EMBEDDED_PG_PORT,
    superuserPassword: secrets.dbSuperuserPassword,
    out: tarFile,
  });
  const file = "database.tar.gz";
  await gzip(tarFile, path.join(dir, file));
  return { kind: "cluster", serverVersion, ...(await describeFile(dir, file)) };
}

function failureReason(error: unknown): string {
  const reason = (error as { reason?: unknown }).reason;
  return typeof reason === "string" ? reason : "backupFailed";
}

async function backUpMedia(dir: string): Promise<BackupManifest["media"]> {
  const { media, backupS3 } = env();
  if (media.store === "s3") {
    // Backups uploaded into the media bucket itself are not media.
    const skip = backupS3?.bucket === media.s3.bucket ? backupS3.prefix : undefined;
    return { store: "s3", bucket: media.s3.bucket, ...(await backUpS3Media(dir, media.s3, skip)) };
  }
  if (!existsSync(media.dir) || readdirSync(media.dir).length === 0) return { store: "local", archive: null };
  const tarFile = path.join(dir, "media.tar");
  // Objects are written to a temporary name and renamed: a copy never holds half a file, only skips a new one.
  await run("tar", ["--create", "--file", tarFile, "--exclude=*/.tmp-*", "-C", media.dir, "."]);
  const file = "media.tar.gz";
  await gzip(tarFile, path.join(dir, file));
  return { store: "local", archive: await describeFile(dir, file) };
}

async function backUpSecrets(dir: string): Promise<BackupManifest["secrets"]> {
  const source = path.join(env().dataDir, "secrets.json");
  if (!existsSync(source)) return null;
  const file = "secrets.json";
  await copyFile(source, path.join(dir, file));
  return describeFile(dir, file);
}

async function mirageVersion(): Promise<string> {
  try {
    const { version } = JSON.parse(await readFile(path.resolve("package.json"), "utf8")) as { version: string };
    return env().MIRAGE_RELEASE ? `${version} (${env().MIRAGE_RELEASE})` : version;
  } catch {
    return env().MIRAGE_RELEASE ?? "unknown";
  }
}
