import { readFile } from "node:fs/promises";
import path from "node:path";
import { backupManifestSchema, MANIFEST_FILE } from "./backup-manifest";

/** The files a finished backup folder holds by its manifest (manifest first); none when it is unreadable. */
export async function backupFiles(dir: string): Promise<string[]> {
  try {
    const manifest = backupManifestSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")));
    const stored = [manifest.database, manifest.media.archive, manifest.secrets].filter((file) => file !== null);
    return [MANIFEST_FILE, ...stored.map((file) => file.file)];
  } catch {
    return [];
  }
}
