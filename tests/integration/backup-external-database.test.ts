import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/server/db/generated/client";
import { readMigrations } from "~/server/db/migrate";
import { readVerifiedManifest } from "~/server/domain/backups/backup-manifest";
import { mediaKey } from "~/server/media";
import { LocalMediaStore } from "~/server/media/local-media-store";
import { childEnv } from "../support/child-env";
import { startDebianPostgres, type ExternalServer } from "../support/debian-postgres";
import { testPort } from "../support/test-env";

// The external-database path of backups: a managed PostgreSQL older than the embedded 18 (README: any
// PostgreSQL ≥ 14), backed up with pg_dump and restored with pg_restore of that server's version.
let server: ExternalServer;
const cleanup: (() => void)[] = [];
beforeAll(() => {
  server = startDebianPostgres(Number(testPort(55915)));
});
afterAll(() => {
  for (const step of cleanup.reverse()) step();
  server?.stop();
});

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function script(name: string, settings: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], {
    env: childEnv({ LOG_LEVEL: "silent", ...settings }),
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function clientOf(url: string): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  cleanup.push(() => void client.$disconnect());
  return client;
}

describe("backup of an external PostgreSQL 15 database → restore into another", () => {
  it("migrates on 15, dumps with its pg_dump, restores data and media, and refuses a non-empty target", async () => {
    const sourceUrl = await server.createDatabase("mirage_source");
    const targetUrl = await server.createDatabase("mirage_target");
    const sourceDir = scratchDir("mirage-external-source-");
    const backupRoot = scratchDir("mirage-external-backups-");
    const source = { DATABASE_URL: sourceUrl, MIRAGE_DATA_DIR: sourceDir, BACKUP_DIR: backupRoot };

    // Every migration applies on PostgreSQL 15 (none may need a newer server).
    const migrated = script("migrate", source);
    expect(migrated.output).toContain("Database is up to date.");
    expect(migrated.code).toBe(0);

    const sourceDb = clientOf(sourceUrl);
    const organization = await sourceDb.organization.create({ data: { name: "Loja Externa" } });
    const contact = await sourceDb.contact.create({
      data: { organizationId: organization.id, phoneE164: "+5531966665555", name: "Ana Externa" },
    });
    const photo = Buffer.from(`foto externa ${Date.now()}`);
    const key = mediaKey(organization.id, photo);
    await new LocalMediaStore(path.join(sourceDir, "media")).put(key, photo, { contentType: "image/png" });

    const backedUp = script("backup", source);
    expect(backedUp.output).toContain("Backup written to");
    expect(backedUp.code).toBe(0);
    const [folder] = readdirSync(backupRoot);
    const backupDir = path.join(backupRoot, folder!);
    expect(readdirSync(backupDir).sort()).toEqual(["database.dump", "manifest.json", "media.tar.gz", "secrets.json"]);
    expect(await readVerifiedManifest(backupDir)).toMatchObject({
      migration: readMigrations().at(-1)!.name,
      database: { kind: "pg_dump", serverVersion: expect.stringMatching(/^15\./) },
      media: { store: "local", archive: { file: "media.tar.gz" } },
    });
    expect(await sourceDb.backup.findFirstOrThrow({ where: { location: backupDir } })).toMatchObject({
      status: "succeeded",
      trigger: "manual",
    });

    const targetDir = scratchDir("mirage-external-target-");
    const target = { DATABASE_URL: targetUrl, MIRAGE_DATA_DIR: targetDir };
    const restored = script("restore", target, backupDir);
    expect(restored.output).toContain("Restore complete");
    expect(restored.code).toBe(0);

    const targetDb = clientOf(targetUrl);
    expect(await targetDb.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({
      organizationId: organization.id,
      phoneE164: "+5531966665555",
      name: "Ana Externa",
    });
    const media = await new LocalMediaStore(path.join(targetDir, "media")).get(key);
    expect(media && (await buffer(media.body))).toEqual(photo);

    // The target now holds data: a second restore would replace it, so it is refused without --force.
    const again = script("restore", target, backupDir);
    expect(again.code).toBe(1);
    expect(again.output).toContain("mirage: The restore target already holds data.");
  });
});
