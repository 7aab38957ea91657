import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { BackupS3Settings } from "~/env";

/**
 * A real S3-compatible HTTP server (s3rver: PutObject, multipart uploads, ListObjectsV2, Head, Get, Delete)
 * on a loopback port, its objects in a scratch folder, with `buckets` created.
 */
export async function startS3Server(buckets: string[]) {
  const directory = mkdtempSync(path.join(tmpdir(), "mirage-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    /** Settings for BACKUP_S3_* pointing at this server (s3rver's fixed test credentials). */
    settings: (bucket: string, prefix = "backups/"): BackupS3Settings => ({
      endpoint,
      region: "us-east-1",
      bucket,
      prefix,
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    }),
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
