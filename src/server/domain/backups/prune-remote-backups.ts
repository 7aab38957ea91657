import type { BackupS3Settings } from "../../../env";
import { S3Bucket } from "../../media/s3-bucket";
import { MANIFEST_FILE } from "./backup-manifest";

/**
 * Deletes the uploaded backups beyond the newest `keep` (folder names sort by time), every object of each.
 * Folders without a manifest (an upload under way, or not a backup) are left alone, as on disk.
 */
export async function pruneRemoteBackups(settings: BackupS3Settings, keep: number): Promise<string[]> {
  const bucket = new S3Bucket(settings);
  const folders = (await bucket.listFolders(settings.prefix))
    .filter((folder) => /^mirage-\d{4}-\d{2}-\d{2}T/.test(folder.slice(settings.prefix.length)))
    .sort()
    .reverse();
  const finished: string[] = [];
  for (const folder of folders) if (await bucket.head(`${folder}${MANIFEST_FILE}`)) finished.push(folder);
  const doomed = finished.slice(keep);
  for (const folder of doomed) {
    // The manifest goes first: a folder interrupted half-deleted then reads as unfinished, never as a backup.
    await bucket.delete(`${folder}${MANIFEST_FILE}`);
    for await (const object of bucket.list(folder)) await bucket.delete(object.key);
  }
  return doomed.map((folder) => `s3://${settings.bucket}/${folder}`);
}
