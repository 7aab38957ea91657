import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "~/env";
import { migrate, readMigrations } from "~/server/db/migrate";
import { scratchDatabase, superuserClient } from "../support/scratch-database";
import { schemaDrift } from "../support/schema-drift";

describe("migrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await scratchDatabase("mirage_migrations");
  });

  it("apply once, are recorded as prisma migrate deploy records them, and are a no-op the second time", async () => {
    const first = await migrate({ databaseUrl: url });
    expect(first).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate({ databaseUrl: url })).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (
      await client.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
      )
    ).rows;
    await client.end();
    expect(rows).toHaveLength(first.length);
    for (const [i, migration] of readMigrations().entries()) {
      expect(rows[i]).toMatchObject({ migration_name: migration.name, applied_steps_count: 1, rolled_back_at: null });
      expect(rows[i].finished_at).toBeInstanceOf(Date);
      expect(rows[i].checksum).toBe(createHash("sha256").update(migration.sql).digest("hex"));
    }
  });

  it("run from several processes at once without conflict (advisory lock)", async () => {
    const concurrentUrl = await scratchDatabase("mirage_concurrent");
    const results = await Promise.all([1, 2, 3, 4].map(() => migrate({ databaseUrl: concurrentUrl })));
    expect(results.flat()).toEqual(readMigrations().map((m) => m.name));
  });

  it("roll back a failing migration whole and say which one failed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mirage-migrations-"));
    cpSync("prisma/migrations", dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_broken"));
    writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;`,
    );
    const brokenUrl = await scratchDatabase("mirage_broken");
    await expect(migrate({ databaseUrl: brokenUrl, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken failed and was rolled back/,
    );
    const client = new pg.Client({ connectionString: brokenUrl });
    await client.connect();
    const halfDone = await client.query(`SELECT to_regclass('public.half_done') AS t`);
    const recorded = await client.query(
      `SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`,
    );
    await client.end();
    expect(halfDone.rows[0].t).toBeNull();
    expect(recorded.rows[0].n).toBe(0);
  });

  it("produce exactly the database schema.prisma describes", async () => {
    expect(await schemaDrift(env().DATABASE_URL)).toEqual([]);
  });

  it("drift is detected when the database and schema.prisma disagree", async () => {
    const driftUrl = await scratchDatabase("mirage_drift");
    await migrate({ databaseUrl: driftUrl });
    const client = new pg.Client({ connectionString: driftUrl });
    await client.connect();
    await client.query(`ALTER TABLE users ALTER COLUMN locale SET NOT NULL`);
    await client.query(`DROP INDEX memberships_user_id_idx`);
    await client.query(`ALTER TABLE organizations ADD COLUMN stray text`);
    await client.end();
    expect(await schemaDrift(driftUrl)).toEqual(
      expect.arrayContaining([
        "users.locale: schema NULL vs database NOT NULL",
        "memberships: index(user_id) is missing in the database",
        "organizations.stray exists in the database but not in schema.prisma",
      ]),
    );
  });

  afterAll(async () => {
    const admin = superuserClient();
    await admin.connect();
    for (const name of ["mirage_migrations", "mirage_concurrent", "mirage_broken", "mirage_drift"]) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  });
});
