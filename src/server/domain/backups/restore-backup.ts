import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { S3Settings } from "../../../env";
import { unpackCluster } from "../../db/cluster-snapshot";
import { restoreDump, userTableCount } from "../../db/database-dump";
import { postgresUserIds } from "../../db/embedded-postgres";
import { AppError } from "../../errors";
import { gunzip } from "./archive";
import { readVerifiedManifest, type BackupManifest } from "./backup-manifest";
import { restoreS3Media } from "./s3-media-backup";

const run = promisify(execFile);

export type RestoreTarget = (
  | { kind: "embedded"; dataDir: string; mediaDir: string }
  | { kind: "external"; databaseUrl: string; mediaDir: string; pgBinDir?: string }
) & {
  /** The configured S3 media bucket: an S3 backup's objects go back there. */
  mediaS3?: S3Settings | null;
};

/**
 * Puts a backup back: checks every file against the manifest, then the database (into a fresh embedded data
 * directory, or an empty external database) and the local media. A target that holds data is refused unless
 * `force`, which replaces it. The caller starts Mirage on the target afterwards; its migrations bring an
 * older backup's schema forward.
 */
export async function restoreBackup(options: {
  dir: string;
  target: RestoreTarget;
  force: boolean;
}): Promise<BackupManifest> {
  const { dir, target, force } = options;
  const manifest = await readVerifiedManifest(dir);
  if (target.kind === "embedded") {
    if (manifest.database.kind !== "cluster" || !manifest.secrets) {
      // Rebuilding an embedded cluster from a dump needs a pg_restore of its version, which it does not ship.
      throw new AppError("BAD_REQUEST", "restoreKindUnsupported", {
        params: { kind: manifest.database.kind, target: "embedded" },
      });
    }
    await restoreEmbedded(dir, manifest, target, force);
  } else {
    if (manifest.database.kind !== "pg_dump") {
      throw new AppError("BAD_REQUEST", "restoreKindUnsupported", {
        params: { kind: manifest.database.kind, target: "external" },
      });
    }
    const tables = await userTableCount(target.databaseUrl);
    if (tables > 0 && !force) throw new AppError("CONFLICT", "restoreTargetNotEmpty", { params: { tables } });
    if (!force && hasMedia(target.mediaDir)) throw new AppError("CONFLICT", "restoreTargetNotEmpty", { params: {} });
    await restoreDump({
      url: target.databaseUrl,
      file: path.join(dir, manifest.database.file),
      clean: force,
      binDir: target.pgBinDir,
    });
  }
  await restoreMedia(dir, manifest, target);
  return manifest;
}

async function restoreEmbedded(
  dir: string,
  manifest: BackupManifest,
  target: Extract<RestoreTarget, { kind: "embedded" }>,
  force: boolean,
) {
  const clusterDir = path.join(target.dataDir, "postgres");
  if (mirageRunsOn(target.dataDir)) throw new AppError("CONFLICT", "restoreTargetInUse", { params: {} });
  const holdsData = existsSync(path.join(clusterDir, "PG_VERSION")) || hasMedia(target.mediaDir);
  if (holdsData && !force) throw new AppError("CONFLICT", "restoreTargetNotEmpty", { params: {} });
  await mkdir(target.dataDir, { recursive: true });
  // The cluster's passwords and the key that opens its stored secrets travel with it.
  await copyFile(path.join(dir, manifest.secrets!.file), path.join(target.dataDir, "secrets.json"));
  const scratch = await mkdtemp(path.join(tmpdir(), "mirage-restore-"));
  try {
    const archive = path.join(scratch, "database.tar");
    await gunzip(path.join(dir, manifest.database.file), archive);
    await unpackCluster({ archive, clusterDir, ids: userInfo().uid === 0 ? postgresUserIds() : undefined });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function restoreMedia(dir: string, manifest: BackupManifest, target: RestoreTarget) {
  if (!manifest.media.archive) return;
  if (manifest.media.store === "s3") {
    if (!target.mediaS3) throw new AppError("BAD_REQUEST", "restoreMediaStoreMissing", { params: {} });
    await restoreS3Media(path.join(dir, manifest.media.archive.file), target.mediaS3);
    return;
  }
  const { mediaDir } = target;
  await rm(mediaDir, { recursive: true, force: true });
  await mkdir(mediaDir, { recursive: true });
  const scratch = await mkdtemp(path.join(tmpdir(), "mirage-restore-media-"));
  try {
    const archive = path.join(scratch, "media.tar");
    await gunzip(path.join(dir, manifest.media.archive.file), archive);
    await run("tar", ["--extract", "--file", archive, "--no-same-owner", "-C", mediaDir]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function hasMedia(mediaDir: string): boolean {
  const objects = path.join(mediaDir, "objects");
  return existsSync(objects) && readdirSync(objects).length > 0;
}

function mirageRunsOn(dataDir: string): boolean {
  const lock = path.join(dataDir, "mirage.pid");
  if (!existsSync(lock)) return false;
  const pid = Number(readFileSync(lock, "utf8"));
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
