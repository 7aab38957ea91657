import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "~/env";
import { db } from "~/server/db/client";
import { withOrganization, withUser } from "~/server/db/tenant";
import { createBackup } from "~/server/domain/backups/create-backup";
import { nextScheduledBackup } from "~/server/domain/backups/list-backups";
import { callerFor, makeOrganization, platformAdminInOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { baseUrl } from "../support/test-env";

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.reverse().forEach((step) => step()));

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // as root, postgres runs as its own user and must reach the folder
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("Configurações → Backups (platform admins)", () => {
  it("lists local backups with size, status, failure code, files and the next run; downloads audited; others refused", async () => {
    const org = await makeOrganization();
    const admin = await platformAdminInOrganization(org.organizationId);
    const backup = await createBackup({ trigger: "manual", root: scratchDir("mirage-backups-ui-") });
    // A failed run as create-backup records it (its folder is removed, its code kept).
    const failed = await db().backup.create({
      data: {
        trigger: "scheduled",
        status: "failed",
        location: "/nowhere/mirage-failed",
        finishedAt: new Date(),
        failureReason: "postgresClientTooOld",
      },
    });

    const listed = await admin.backups.list();
    expect(listed.nextRunAt).toEqual(nextScheduledBackup(env().BACKUP_CRON, new Date()));
    expect(listed.nextRunAt!.toISOString()).toMatch(/T03:30:00\.000Z$/);
    const byId = new Map(listed.backups.map((b) => [b.id, b]));
    expect(byId.get(backup.backupId)).toMatchObject({
      status: "succeeded",
      trigger: "manual",
      bytes: backup.bytes,
      location: backup.dir,
      files: [
        "manifest.json",
        "database.tar.gz",
        ...(backup.manifest.media.archive ? ["media.tar.gz"] : []),
        "secrets.json",
      ],
    });
    expect(byId.get(failed.id)).toMatchObject({ status: "failed", failureReason: "postgresClientTooOld", files: [] });
    // Newest first.
    const started = listed.backups.map((b) => b.startedAt.getTime());
    expect(started).toEqual([...started].sort((a, b) => b - a));

    // An organization's owner is not a platform admin: neither the list nor a file.
    const owner = callerFor(org.ownerId, org.organizationId);
    await expect(owner.backups.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ownerCookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const refused = await fetch(`${baseUrl}/api/backups/${backup.backupId}/manifest.json`, {
      headers: { cookie: ownerCookie },
    });
    expect(refused.status).toBe(403);

    const email = process.env.PLATFORM_ADMIN_EMAILS!.split(",")[0]!;
    const cookie = await signInOverHttp(email, TEST_PASSWORD);
    const manifest = await fetch(`${baseUrl}/api/backups/${backup.backupId}/manifest.json`, { headers: { cookie } });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("content-disposition")).toContain("attachment");
    expect(await manifest.text()).toBe(readFileSync(path.join(backup.dir, "manifest.json"), "utf8"));
    // Only names its manifest lists: no path, no other file of the folder's parent.
    for (const file of ["..%2Fsecrets.json", "other.txt"]) {
      const response = await fetch(`${baseUrl}/api/backups/${backup.backupId}/${file}`, { headers: { cookie } });
      expect(response.status).toBe(404);
    }
    const failedFile = await fetch(`${baseUrl}/api/backups/${failed.id}/manifest.json`, { headers: { cookie } });
    expect(failedFile.status).toBe(404);

    const userId = (await db().user.findUniqueOrThrow({ where: { email } })).id;
    const memberships = await withUser(userId, (tx) =>
      tx.membership.findMany({ where: { userId }, select: { organizationId: true } }),
    );
    let downloads = 0;
    for (const { organizationId } of memberships)
      downloads += await withOrganization(organizationId, (tx) =>
        tx.auditLog.count({ where: { action: "backup.downloaded", targetId: backup.backupId, actorUserId: userId } }),
      );
    expect(downloads).toBe(1);
  }, 240_000);

  it("'fazer backup agora' queues one backup.run (audited); the worker records it as a manual backup", async () => {
    const org = await makeOrganization();
    const admin = await platformAdminInOrganization(org.organizationId);
    const since = new Date();
    expect(await admin.backups.run()).toEqual({ queued: true });
    // A second click while it waits or runs queues nothing.
    expect(await admin.backups.run()).toEqual({ queued: false });
    const requested = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.count({ where: { action: "backup.requested" } }),
    );
    expect(requested).toBe(1);
    await expect
      .poll(
        async () => (await db().backup.findFirst({ where: { trigger: "manual", startedAt: { gte: since } } }))?.status,
        { timeout: 180_000, interval: 500 },
      )
      .toBe("succeeded");
    const row = await db().backup.findFirstOrThrow({ where: { trigger: "manual", startedAt: { gte: since } } });
    cleanup.push(() => rmSync(row.location, { recursive: true, force: true }));
    const listed = await admin.backups.list();
    expect(listed.backups.find((b) => b.id === row.id)).toMatchObject({ status: "succeeded", trigger: "manual" });
  }, 240_000);
});
