import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { ConfigError, parseEnv } from "./env";
import { loadOrCreateLocalSecrets } from "./server/db/secrets";

const emptyDir = () => mkdtempSync(path.join(tmpdir(), "mirage-env-"));

describe("settings", () => {
  it("uses the embedded database and generated secrets when nothing is set", () => {
    const dir = emptyDir();
    const secrets = loadOrCreateLocalSecrets(dir);
    const env = parseEnv({ MIRAGE_DATA_DIR: dir });
    expect(env.databaseIsEmbedded).toBe(true);
    expect(env.DATABASE_URL).toBe(
      `postgresql://mirage:${encodeURIComponent(secrets.dbAppPassword)}@127.0.0.1:54329/mirage`,
    );
    expect(env.AUTH_SECRET).toBe(secrets.authSecret);
    expect(env.APP_URL).toBe("http://localhost:3000");
    // The same secrets on every read.
    expect(loadOrCreateLocalSecrets(dir)).toEqual(secrets);
  });

  it("names the setting and the fix when a value is wrong", () => {
    expect(() => parseEnv({ MIRAGE_DATA_DIR: emptyDir(), PORT: "http" })).toThrow(ConfigError);
    expect(() => parseEnv({ MIRAGE_DATA_DIR: emptyDir(), PORT: "http" })).toThrow(/^Setting PORT is invalid/);
    expect(() =>
      parseEnv({ MIRAGE_DATA_DIR: emptyDir(), DATABASE_URL: "postgresql://h/db", NODE_ENV: "production" }),
    ).toThrow(/AUTH_SECRET is required in production/);
  });

  it("treats empty values as unset, as .env files write them", () => {
    const dir = emptyDir();
    loadOrCreateLocalSecrets(dir);
    expect(parseEnv({ MIRAGE_DATA_DIR: dir, DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("keeps the suppression key an installation always had, until keys:rotate pins it", () => {
    const dir = emptyDir();
    const secrets = loadOrCreateLocalSecrets(dir);
    // The derivation erase-contact used before the key could be pinned: existing hashes stay valid.
    const derived = createHmac("sha256", secrets.encryptionKey).update("mirage.suppression.v1").digest("base64");
    expect(parseEnv({ MIRAGE_DATA_DIR: dir }).suppressionKey).toBe(derived);
    expect(parseEnv({ MIRAGE_DATA_DIR: dir, SUPPRESSION_KEY: "cGlubmVk" }).suppressionKey).toBe("cGlubmVk");
  });
});
