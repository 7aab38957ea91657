import { readdirSync } from "node:fs";
import path from "node:path";
import type { BackupS3Settings } from "../../../env";
import { S3Bucket } from "../../media/s3-bucket";
import { MANIFEST_FILE } from "./backup-manifest";

/**
 * Uploads a finished backup folder to `<prefix><folder name>/` in the backup bucket, the manifest last: as on
 * disk, a remote backup without a manifest is unfinished and neither restored nor pruned. Returns its s3:// URL.
 */
export async function uploadBackup(dir: string, settings: BackupS3Settings): Promise<string> {
  const bucket = new S3Bucket(settings);
  const folder = `${settings.prefix}${path.basename(dir)}/`;
  const files = readdirSync(dir).filter((file) => file !== MANIFEST_FILE);
  for (const file of [...files, MANIFEST_FILE]) await bucket.upload(path.join(dir, file), `${folder}${file}`);
  return `s3://${settings.bucket}/${folder}`;
}
