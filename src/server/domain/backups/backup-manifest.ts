import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../errors";

export const MANIFEST_FILE = "manifest.json";

const storedFile = z.object({
  file: z.string().regex(/^[a-z0-9._-]+$/),
  bytes: z.number().int().min(0),
  sha256: z.string(),
});

/** What a backup folder holds, written last: a folder without it is an unfinished backup. */
export const backupManifestSchema = z.object({
  format: z.literal("mirage-backup/1"),
  createdAt: z.iso.datetime(),
  mirageVersion: z.string(),
  /** The last migration applied when the backup was taken; a restore brings the schema forward from there. */
  migration: z.string().nullable(),
  database: storedFile.extend({
    /** `cluster`: a physical copy of the embedded cluster (tar.gz); `pg_dump`: a custom-format dump. */
    kind: z.enum(["cluster", "pg_dump"]),
    serverVersion: z.string(),
  }),
  /** The media: the local store's folder, or every object of the S3 bucket with an index, as tar.gz. */
  media: z.discriminatedUnion("store", [
    z.object({ store: z.literal("local"), archive: storedFile.nullable() }),
    z.object({
      store: z.literal("s3"),
      bucket: z.string(),
      // Older backups named the bucket only (its objects were not copied).
      archive: storedFile.nullable().default(null),
      objects: z.number().int().min(0).default(0),
    }),
  ]),
  /** The data directory's generated secrets (embedded passwords, encryption key), when there are any. */
  secrets: storedFile.nullable(),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type StoredFile = z.infer<typeof storedFile>;

/** Size and SHA-256 of a file in a backup folder, streamed (a database archive can be large). */
export async function describeFile(dir: string, file: string): Promise<StoredFile> {
  const full = path.join(dir, file);
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return { file, bytes: (await stat(full)).size, sha256: hash.digest("hex") };
}

/** The manifest of the backup in `dir`, with every file it names checked against its size and checksum. */
export async function readVerifiedManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = backupManifestSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")));
  } catch (error) {
    throw new AppError("BAD_REQUEST", "backupManifestInvalid", { details: { dir }, cause: error });
  }
  const files = [manifest.database, manifest.secrets, manifest.media.archive];
  for (const expected of files) {
    if (!expected) continue;
    const actual = await describeFile(dir, expected.file).catch(() => null);
    if (!actual || actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes) {
      throw new AppError("BAD_REQUEST", "backupFileCorrupt", { params: { file: expected.file } });
    }
  }
  return manifest;
}
