import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import type { S3Settings } from "../../../env";
import { S3Bucket } from "../../media/s3-bucket";
import { gunzip, gzip } from "./archive";
import { describeFile, type StoredFile } from "./backup-manifest";

const run = promisify(execFile);

const INDEX = "index.json";
const indexSchema = z.array(
  z.object({
    key: z.string().min(1),
    size: z.number().int().min(0),
    etag: z.string(),
    contentType: z.string().optional(),
  }),
);

/**
 * Every object of the media bucket into `media.tar.gz` in `dir`, each streamed to a scratch folder (never held
 * in memory), with an index of keys, sizes, ETags and content types. Keys under `skipPrefix` (the backups
 * themselves, when they are uploaded to the same bucket) are left out.
 */
export async function backUpS3Media(
  dir: string,
  settings: S3Settings,
  skipPrefix?: string,
): Promise<{ archive: StoredFile | null; objects: number }> {
  const bucket = new S3Bucket(settings);
  const scratch = await mkdtemp(path.join(tmpdir(), "mirage-backup-s3-"));
  try {
    const index: z.infer<typeof indexSchema> = [];
    for await (const object of bucket.list("")) {
      if (skipPrefix && object.key.startsWith(skipPrefix)) continue;
      const target = objectPath(scratch, index.length);
      await mkdir(path.dirname(target), { recursive: true });
      const { contentType } = await bucket.download(object.key, target);
      index.push({ key: object.key, size: object.size, etag: object.etag, contentType });
    }
    if (index.length === 0) return { archive: null, objects: 0 };
    await writeFile(path.join(scratch, INDEX), JSON.stringify(index));
    const tarFile = path.join(dir, "media.tar");
    await run("tar", ["--create", "--file", tarFile, "-C", scratch, "."]);
    await gzip(tarFile, path.join(dir, "media.tar.gz"));
    return { archive: await describeFile(dir, "media.tar.gz"), objects: index.length };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Puts the archived objects back into the bucket of `settings`. Idempotent: an object already there with the
 * same size and content (ETag, or MD5 for a single-part one) is skipped, so a restore can be run again.
 */
export async function restoreS3Media(
  archive: string,
  settings: S3Settings,
): Promise<{ uploaded: number; skipped: number }> {
  const bucket = new S3Bucket(settings);
  const scratch = await mkdtemp(path.join(tmpdir(), "mirage-restore-s3-"));
  try {
    const tarFile = path.join(scratch, "media.tar");
    await gunzip(archive, tarFile);
    const objects = path.join(scratch, "objects");
    await mkdir(objects);
    await run("tar", ["--extract", "--file", tarFile, "--no-same-owner", "-C", objects]);
    const index = indexSchema.parse(JSON.parse(await readFile(path.join(objects, INDEX), "utf8")));
    let uploaded = 0;
    let skipped = 0;
    for (const [position, entry] of index.entries()) {
      const file = objectPath(objects, position);
      const existing = await bucket.head(entry.key);
      if (existing && existing.size === entry.size && [entry.etag, await md5(file)].includes(existing.etag)) {
        skipped += 1;
        continue;
      }
      await bucket.upload(file, entry.key, entry.contentType);
      uploaded += 1;
    }
    return { uploaded, skipped };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Objects are stored by position, not key: keys may hold characters a file name cannot. */
function objectPath(root: string, position: number): string {
  return path.join(root, "objects", String(Math.floor(position / 1000)), String(position));
}

async function md5(file: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
