import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/server/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/server/db/embedded-postgres";
import { readMigrations } from "~/server/db/migrate";
import { readLocalSecrets } from "~/server/db/secrets";
import { withOrganization } from "~/server/db/tenant";
import { readVerifiedManifest } from "~/server/domain/backups/backup-manifest";
import { createBackup } from "~/server/domain/backups/create-backup";
import { pruneBackups } from "~/server/domain/backups/prune-backups";
import { restoreBackup } from "~/server/domain/backups/restore-backup";
import { enqueue } from "~/server/jobs/enqueue";
import { PGBOSS_SCHEMA } from "~/server/jobs/boss";
import { mediaKey, mediaStore } from "~/server/media";
import { childEnv } from "../support/child-env";
import { TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { textUpsert } from "../support/evolution-payloads";
import { launch, type LaunchedProcess } from "../support/launched-process";
import { testPort } from "../support/test-env";

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // as root, postgres runs as its own user and must reach the folder
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function restoreCli(dir: string, dataDir: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/restore.ts", dir, ...flags], {
    env: childEnv({ LOG_LEVEL: "silent", MIRAGE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: testPort(54393) }),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** An organization with a conversation, a text message and an image stored in the media store. */
async function seed() {
  const { org, instanceId, providerName } = await inboxFixture();
  const text = `Mensagem para o backup ${Date.now()}`;
  await deliver(
    org.organizationId,
    instanceId,
    textUpsert(providerName, { remoteJid: "5531977776666@s.whatsapp.net" }, text),
  );
  const photo = Buffer.from(`foto do backup ${Date.now()}`);
  const key = mediaKey(org.organizationId, photo);
  await mediaStore().put(key, photo, { contentType: "image/png" });
  const { conversationId, imageId } = await withOrganization(org.organizationId, async (tx) => {
    const conversation = await tx.conversation.findFirstOrThrow({ where: { instanceId } });
    const image = await tx.message.create({
      data: {
        organizationId: org.organizationId,
        instanceId,
        conversationId: conversation.id,
        direction: "inbound",
        type: "image",
        status: "received",
        sentAt: new Date(),
        mediaKey: key,
        mediaFileName: "foto.png",
        mediaMimeType: "image/png",
        mediaStatus: "stored",
      },
    });
    return { conversationId: conversation.id, imageId: image.id };
  });
  return { org, text, photo, conversationId, imageId };
}

describe("backup → restore into a new data directory → start", () => {
  it("finds the messages and the media file through the API of a Mirage started on the restored data", async () => {
    const seeded = await seed();
    const root = scratchDir("mirage-backups-");

    const backup = await createBackup({ trigger: "manual", root });
    expect(readdirSync(backup.dir).sort()).toEqual([
      "database.tar.gz",
      "manifest.json",
      "media.tar.gz",
      "secrets.json",
    ]);
    const manifest = await readVerifiedManifest(backup.dir);
    expect(manifest).toMatchObject({
      format: "mirage-backup/1",
      migration: readMigrations().at(-1)!.name,
      database: { kind: "cluster", serverVersion: expect.stringMatching(/^18\./) },
      media: { store: "local", archive: { file: "media.tar.gz" } },
    });
    expect(await db().backup.findUniqueOrThrow({ where: { id: backup.backupId } })).toMatchObject({
      status: "succeeded",
      trigger: "manual",
      location: backup.dir,
      migration: manifest.migration,
      bytes: BigInt(backup.bytes),
    });

    const dataDir = scratchDir("mirage-restored-");
    const restored = restoreCli(backup.dir, dataDir);
    expect(restored.output).toContain("Restore complete");
    expect(restored.code).toBe(0);
    // A second restore onto the same data directory would replace it: refused without --force.
    const again = restoreCli(backup.dir, dataDir);
    expect(again.code).toBe(1);
    expect(again.output).toContain("mirage: The restore target already holds data.");

    const port = testPort(3193);
    const database: EmbeddedDatabase = await startEmbeddedPostgres({
      dataDir,
      port: Number(testPort(54393)),
      secrets: readLocalSecrets(dataDir)!,
      log: () => undefined,
    });
    cleanup.push(() => database.stop());
    const restoredEnv = childEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      MIRAGE_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: testPort(54393),
      PORT: port,
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      RATE_LIMIT_PUBLIC_PER_MINUTE: "100000",
      BACKUP_CRON: "off",
    });
    // Web and worker: readiness asks for a live worker, as a real start has.
    const processes: LaunchedProcess[] = [launch("server.ts", restoredEnv), launch("src/workers/main.ts", restoredEnv)];
    cleanup.push(() => processes.forEach((process) => process.killAll()));
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${base}/api/health/ready`).catch(() => null))?.status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(200);

    const cookie = await signInOverHttp(seeded.org.ownerEmail, TEST_PASSWORD, base);
    const input = encodeURIComponent(JSON.stringify({ json: { conversationId: seeded.conversationId } }));
    const response = await fetch(`${base}/api/trpc/conversations.messages?input=${input}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const listed = JSON.stringify(await response.json());
    expect(listed).toContain(seeded.text);
    expect(listed).toContain(seeded.imageId);
    const media = await fetch(`${base}/api/media/${seeded.imageId}`, { headers: { cookie } });
    expect(media.status).toBe(200);
    expect(Buffer.from(await media.arrayBuffer()).equals(seeded.photo)).toBe(true);
  }, 240_000);

  it("refuses a damaged backup; retention keeps only the newest backups", async () => {
    const root = scratchDir("mirage-backups-");
    const first = await createBackup({ trigger: "manual", root, now: new Date("2026-01-01T00:00:00Z") });
    const second = await createBackup({ trigger: "manual", root, now: new Date("2026-01-02T00:00:00Z") });

    const target = scratchDir("mirage-restore-target-");
    writeFileSync(path.join(first.dir, "secrets.json"), "{}");
    await expect(
      restoreBackup({
        dir: first.dir,
        target: { kind: "embedded", dataDir: target, mediaDir: path.join(target, "media") },
        force: false,
      }),
    ).rejects.toMatchObject({ reason: "backupFileCorrupt", params: { file: "secrets.json" } });

    const pruned = await pruneBackups({ keep: 1, root });
    expect(pruned).toEqual([first.dir]);
    expect(existsSync(first.dir)).toBe(false);
    expect(existsSync(second.dir)).toBe(true);
    expect((await db().backup.findUniqueOrThrow({ where: { id: first.backupId } })).pruned).toBe(true);
  }, 240_000);

  it("the worker keeps a backup.run schedule from BACKUP_CRON and records a scheduled backup", async () => {
    const schedules = await db().$queryRawUnsafe<{ cron: string; timezone: string }[]>(
      `SELECT cron, timezone FROM ${PGBOSS_SCHEMA}.schedule WHERE name = 'backup.run'`,
    );
    expect(schedules).toEqual([{ cron: "30 3 * * *", timezone: "UTC" }]);
    const since = new Date();
    await enqueue("backup.run", {});
    await expect
      .poll(
        async () =>
          (
            await db().backup.findFirst({
              where: { trigger: "scheduled", startedAt: { gte: since } },
              select: { status: true },
            })
          )?.status,
        { timeout: 120_000, interval: 500 },
      )
      .toBe("succeeded");
    const row = await db().backup.findFirstOrThrow({ where: { trigger: "scheduled", startedAt: { gte: since } } });
    expect((await readVerifiedManifest(row.location)).database.kind).toBe("cluster");
    rmSync(row.location, { recursive: true, force: true });
  }, 180_000);
});
