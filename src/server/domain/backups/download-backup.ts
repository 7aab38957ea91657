import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { S3Settings } from "../../../env";
import { AppError } from "../../errors";
import { S3Bucket } from "../../media/s3-bucket";
import { MANIFEST_FILE } from "./backup-manifest";

/** `s3://bucket/prefix/mirage-…` → bucket and folder prefix (ending in `/`). */
export function parseBackupUrl(url: string): { bucket: string; folder: string } {
  const match = /^s3:\/\/([^/]+)\/(.+?)\/?$/.exec(url);
  if (!match) throw new AppError("BAD_REQUEST", "backupUrlInvalid", { params: { url } });
  return { bucket: match[1]!, folder: `${match[2]}/` };
}

/**
 * Downloads an uploaded backup into the new folder `target` (file by file, streamed), for restoreBackup to
 * check against its manifest. `settings` gives the endpoint and credentials; the URL names the bucket.
 */
export async function downloadBackup(url: string, settings: S3Settings, target: string): Promise<string> {
  const { bucket: name, folder } = parseBackupUrl(url);
  const bucket = new S3Bucket({ ...settings, bucket: name });
  if (!(await bucket.head(`${folder}${MANIFEST_FILE}`))) {
    throw new AppError("BAD_REQUEST", "backupManifestInvalid", { details: { url } });
  }
  const dir = path.join(target, path.basename(folder));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for await (const object of bucket.list(folder)) {
    const file = object.key.slice(folder.length);
    // A backup folder is flat; anything deeper is not one of its files.
    if (!/^[a-z0-9._-]+$/.test(file)) continue;
    await bucket.download(object.key, path.join(dir, file));
  }
  return dir;
}
