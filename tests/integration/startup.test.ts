import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "~/env";
import { startEmbeddedPostgres } from "~/server/db/embedded-postgres";
import { loadOrCreateLocalSecrets } from "~/server/db/secrets";
import { childEnv } from "../support/child-env";
import { testEnv, testPort } from "../support/test-env";

/** Runs a Mirage entry point with the given settings; returns exit code and output. */
function run(entry: string, settings: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", entry], {
    env: childEnv({ LOG_LEVEL: "silent", ...settings }),
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = `${result.stdout}${result.stderr}`.split("\n").filter((l) => l.startsWith("mirage"));
  return { code: result.status, lines };
}

describe("bad settings at start: one clear line, non-zero exit", () => {
  it("an unreachable DATABASE_URL", () => {
    const { code, lines } = run("scripts/migrate.ts", {
      DATABASE_URL: "postgresql://mirage:x@127.0.0.1:1/mirage",
      MIRAGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "mirage-")),
    });
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^mirage: Cannot reach DATABASE_URL \(ECONNREFUSED\)\. Check the host and port/),
    ]);
  });

  it("a DATABASE_URL that is not a Postgres URL", () => {
    const { code, lines } = run("scripts/migrate.ts", {
      DATABASE_URL: "mysql://localhost/db",
      MIRAGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "mirage-")),
    });
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      "mirage: Setting DATABASE_URL is invalid: must start with postgresql://. Fix it in .env (see .env.example).",
    ]);
  });

  it("wrong credentials in DATABASE_URL", () => {
    const url = new URL(env().DATABASE_URL);
    url.password = "wrong";
    const { code, lines } = run("scripts/migrate.ts", {
      DATABASE_URL: url.toString(),
      MIRAGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "mirage-")),
    });
    expect(code).not.toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^mirage: Postgres refused the login in DATABASE_URL/)]);
  });

  it("the embedded database's port already in use", () => {
    const { code, lines } = run("scripts/migrate.ts", {
      MIRAGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "mirage-")),
      EMBEDDED_PG_PORT: testEnv.EMBEDDED_PG_PORT,
    });
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      `mirage: Port ${testEnv.EMBEDDED_PG_PORT} for the embedded database is in use. Stop what uses it or set EMBEDDED_PG_PORT to a free port.`,
    ]);
  });

  it("a data directory that cannot be written", () => {
    const { code, lines } = run("scripts/migrate.ts", { MIRAGE_DATA_DIR: "/etc/hostname/mirage-data" });
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      "mirage: Data directory /etc/hostname/mirage-data is not writable. Fix its permissions or set MIRAGE_DATA_DIR to a writable folder.",
    ]);
  });

  it("a data directory another Mirage is using", () => {
    const { code, lines } = run("scripts/migrate.ts", {
      MIRAGE_DATA_DIR: testEnv.MIRAGE_DATA_DIR,
      EMBEDDED_PG_PORT: testPort(54398),
    });
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^mirage: Another Mirage \(pid \d+\) is already using .*\.data\/test\. Stop it first/),
    ]);
  });

  it("production with an external database but no AUTH_SECRET", () => {
    const { code, lines } = run("src/workers/main.ts", {
      NODE_ENV: "production",
      DATABASE_URL: env().DATABASE_URL,
      MIRAGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "mirage-")),
    });
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(
        /^mirage worker: Setting AUTH_SECRET is required in production with an external DATABASE_URL/,
      ),
    ]);
  });

  it("the web server's port already in use", () => {
    const { code, lines } = run("server.ts", {
      MIRAGE_DATA_DIR: testEnv.MIRAGE_DATA_DIR,
      NODE_ENV: "production",
      DATABASE_URL: env().DATABASE_URL,
      AUTH_SECRET: "x".repeat(40),
      PORT: testEnv.PORT,
    });
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      `mirage web: Port ${testEnv.PORT} is in use. Stop what uses it or set PORT to a free port.`,
    ]);
  });
});

describe("embedded database across restarts", () => {
  it("keeps its data when stopped and started again", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "mirage-restart-"));
    chmodSync(dataDir, 0o755); // as root, postgres runs as its own user and must reach the folder
    const secrets = loadOrCreateLocalSecrets(dataDir);
    const port = Number(testPort(54391));
    const url = `postgresql://mirage:${encodeURIComponent(secrets.dbAppPassword)}@127.0.0.1:${port}/mirage`;
    try {
      let cluster = await startEmbeddedPostgres({ dataDir, port, secrets, log: () => undefined });
      let client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
      await client.end();
      await cluster.stop();

      cluster = await startEmbeddedPostgres({ dataDir, port, secrets, log: () => undefined });
      client = new pg.Client({ connectionString: url });
      await client.connect();
      expect((await client.query("SELECT value FROM kept")).rows).toEqual([{ value: "still here" }]);
      await client.end();
      await cluster.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
