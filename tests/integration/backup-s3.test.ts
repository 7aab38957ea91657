import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env, type BackupS3Settings } from "~/env";
import { db } from "~/server/db/client";
import { readVerifiedManifest } from "~/server/domain/backups/backup-manifest";
import { createBackup } from "~/server/domain/backups/create-backup";
import { startEmbeddedPostgres } from "~/server/db/embedded-postgres";
import { readLocalSecrets } from "~/server/db/secrets";
import { createS3Client } from "~/server/media/s3-client";
import { childEnv } from "../support/child-env";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { textUpsert } from "../support/evolution-payloads";
import { startS3Server } from "../support/s3-server";
import { testPort } from "../support/test-env";

const BUCKET = "mirage-backups";

const cleanup: (() => Promise<void> | void)[] = [];
let s3: Awaited<ReturnType<typeof startS3Server>>;
// createBackup reads the process's settings: the bucket and retention are set on them for this file only.
const settings = env();
const saved = { backupS3: settings.backupS3, BACKUP_RETENTION_COUNT: settings.BACKUP_RETENTION_COUNT };

beforeAll(async () => {
  s3 = await startS3Server([BUCKET]);
  cleanup.push(() => s3.stop());
});
afterAll(async () => {
  Object.assign(settings, saved);
  for (const step of cleanup.reverse()) await step();
});

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // as root, postgres runs as its own user and must reach the folder
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function useBucket(bucket: BackupS3Settings | null, keep = 7) {
  Object.assign(settings, { backupS3: bucket, BACKUP_RETENTION_COUNT: keep });
}

async function remoteFolders(bucket: BackupS3Settings): Promise<string[]> {
  const page = await createS3Client(bucket).send(
    new ListObjectsV2Command({ Bucket: bucket.bucket, Prefix: bucket.prefix, Delimiter: "/" }),
  );
  return (page.CommonPrefixes ?? []).map((folder) => folder.Prefix!).sort();
}

describe("backups to an S3-compatible bucket", () => {
  it("uploads each backup and prunes old uploads, in the bucket as on disk", async () => {
    const { org, instanceId, providerName } = await inboxFixture();
    const text = `Mensagem do backup no S3 ${Date.now()}`;
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: "5531966665555@s.whatsapp.net" }, text),
    );
    const bucket = s3.settings(BUCKET);
    useBucket(bucket, 2);
    const root = scratchDir("mirage-backups-s3-");
    const days = ["2026-03-01", "2026-03-02", "2026-03-03"];
    const backups = [];
    for (const day of days)
      backups.push(await createBackup({ trigger: "manual", root, now: new Date(`${day}T03:30:00Z`) }));

    const [oldest, , newest] = backups;
    expect(newest!.remote!.url).toBe(`s3://${BUCKET}/backups/${path.basename(newest!.dir)}/`);
    // Retention 2: the third upload deleted the first, in the bucket as on disk.
    expect(newest!.remote!.pruned).toEqual([oldest!.remote!.url]);
    expect(await remoteFolders(bucket)).toEqual(backups.slice(1).map((b) => `backups/${path.basename(b.dir)}/`));
    expect(existsSync(oldest!.dir)).toBe(false);
    expect(await db().backup.findUniqueOrThrow({ where: { id: oldest!.backupId } })).toMatchObject({
      remoteLocation: oldest!.remote!.url,
      remotePruned: true,
      pruned: true,
    });
    expect(await db().backup.findUniqueOrThrow({ where: { id: newest!.backupId } })).toMatchObject({
      status: "succeeded",
      remoteLocation: newest!.remote!.url,
      remoteFailureReason: null,
      remotePruned: false,
    });

    expect((await readVerifiedManifest(newest!.dir)).database.kind).toBe("cluster");
  }, 300_000);

  it.each([
    ["a missing bucket", () => s3.settings("no-such-bucket")],
    ["an unreachable server", () => ({ ...s3.settings(BUCKET), endpoint: "http://127.0.0.1:9" })],
  ])(
    "%s: the run fails with backupUploadFailed and the local backup is kept",
    async (_, bucket) => {
      useBucket(bucket());
      const root = scratchDir("mirage-backups-s3-failed-");
      const since = new Date();
      await expect(createBackup({ trigger: "manual", root })).rejects.toMatchObject({
        reason: "backupUploadFailed",
        params: { bucket: bucket().bucket },
      });
      const row = await db().backup.findFirstOrThrow({
        where: { startedAt: { gte: since } },
        orderBy: { startedAt: "desc" },
      });
      expect(row).toMatchObject({
        status: "succeeded",
        remoteLocation: null,
        remoteFailureReason: "backupStorageUnavailable",
      });
      expect((await readVerifiedManifest(row.location)).format).toBe("mirage-backup/1");
      expect(path.dirname(row.location)).toBe(root);
    },
    180_000,
  );

  it("npm run restore -- s3://… downloads the uploaded backup and restores it into a fresh data directory", async () => {
    const { org, instanceId, providerName } = await inboxFixture();
    const text = `Mensagem restaurada do S3 ${Date.now()}`;
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: "5531955554444@s.whatsapp.net" }, text),
    );
    const bucket = s3.settings(BUCKET, "restore-test/");
    useBucket(bucket);
    const backup = await createBackup({ trigger: "manual", root: scratchDir("mirage-backups-s3-restore-") });
    // Only the uploaded copy is left: the restore cannot be reading the local folder.
    rmSync(backup.dir, { recursive: true, force: true });

    const dataDir = scratchDir("mirage-restored-from-s3-");
    const pgPort = testPort(54394);
    // Asynchronously: the S3 server answers from this very process, so blocking on the child would deadlock.
    const restored = await new Promise<{ status: number | null; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "scripts/restore.ts", backup.remote!.url],
        {
          env: childEnv({
            LOG_LEVEL: "silent",
            MIRAGE_DATA_DIR: dataDir,
            EMBEDDED_PG_PORT: pgPort,
            BACKUP_S3_BUCKET: bucket.bucket,
            BACKUP_S3_ENDPOINT: bucket.endpoint!,
            BACKUP_S3_ACCESS_KEY_ID: bucket.accessKeyId,
            BACKUP_S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
            BACKUP_S3_FORCE_PATH_STYLE: "true",
          }),
          encoding: "utf8",
          timeout: 180_000,
        },
        (error, stdout, stderr) =>
          resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    const { output } = restored;
    expect(output).toContain(`Downloading ${backup.remote!.url}`);
    expect(output).toContain("Restore complete");
    expect(restored.status).toBe(0);

    const secrets = readLocalSecrets(dataDir)!;
    const database = await startEmbeddedPostgres({ dataDir, port: Number(pgPort), secrets, log: () => undefined });
    cleanup.push(() => database.stop());
    const client = new pg.Client({
      host: "127.0.0.1",
      port: Number(pgPort),
      user: "postgres",
      password: secrets.dbSuperuserPassword,
      database: "mirage",
    });
    await client.connect();
    cleanup.push(() => client.end());
    const found = await client.query<{ organization_id: string }>(
      "SELECT organization_id FROM messages WHERE body = $1",
      [text],
    );
    expect(found.rows).toEqual([{ organization_id: org.organizationId }]);
  }, 300_000);
});
