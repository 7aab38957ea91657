import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../../env";
import { loadOrCreateLocalSecrets } from "../db/secrets";
import { createMediaStore } from "./index";
import { LocalMediaStore } from "./local-media-store";
import { S3MediaStore } from "./s3-media-store";

const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "mirage-env-"));
  loadOrCreateLocalSecrets(dir);
  return dir;
};

const s3Settings = {
  MEDIA_STORE: "s3",
  S3_BUCKET: "media",
  S3_ACCESS_KEY_ID: "key",
  S3_SECRET_ACCESS_KEY: "secret",
};

describe("media settings", () => {
  it("keeps files under the data directory, up to 16 MiB, by default", () => {
    const dir = dataDir();
    const { media } = parseEnv({ MIRAGE_DATA_DIR: dir, MEDIA_DIR: "" });
    expect(media).toEqual({ store: "local", dir: path.join(dir, "media"), maxBytes: 16 * 1024 * 1024 });
    const store = createMediaStore(media);
    expect(store).toBeInstanceOf(LocalMediaStore);
    expect((store as LocalMediaStore).root).toBe(path.join(dir, "media"));
  });

  it("takes MEDIA_DIR and MEDIA_MAX_BYTES", () => {
    const dir = dataDir();
    const { media } = parseEnv({ MIRAGE_DATA_DIR: dir, MEDIA_DIR: "/srv/media", MEDIA_MAX_BYTES: "1048576" });
    expect(media).toEqual({ store: "local", dir: "/srv/media", maxBytes: 1048576 });
    expect(() => parseEnv({ MIRAGE_DATA_DIR: dir, MEDIA_MAX_BYTES: "lots" })).toThrow(
      /^Setting MEDIA_MAX_BYTES is invalid/,
    );
    expect(() => parseEnv({ MIRAGE_DATA_DIR: dir, MEDIA_STORE: "ftp" })).toThrow(/^Setting MEDIA_STORE is invalid/);
  });

  it("uses AWS with virtual-hosted URLs, or another endpoint with path-style URLs", () => {
    const dir = dataDir();
    expect(parseEnv({ MIRAGE_DATA_DIR: dir, ...s3Settings }).media).toEqual({
      store: "s3",
      maxBytes: 16 * 1024 * 1024,
      s3: {
        endpoint: undefined,
        region: "us-east-1",
        bucket: "media",
        accessKeyId: "key",
        secretAccessKey: "secret",
        forcePathStyle: false,
      },
    });
    const minio = parseEnv({
      MIRAGE_DATA_DIR: dir,
      ...s3Settings,
      S3_ENDPOINT: "http://127.0.0.1:9000/",
      S3_REGION: "sa-east-1",
    }).media;
    expect(minio).toMatchObject({
      s3: { endpoint: "http://127.0.0.1:9000", region: "sa-east-1", forcePathStyle: true },
    });
    expect(createMediaStore(minio)).toBeInstanceOf(S3MediaStore);
    expect(
      parseEnv({ MIRAGE_DATA_DIR: dir, ...s3Settings, S3_ENDPOINT: "https://r2.example", S3_FORCE_PATH_STYLE: "false" })
        .media,
    ).toMatchObject({ s3: { forcePathStyle: false } });
  });

  it("names what S3 is missing", () => {
    const dir = dataDir();
    expect(() => parseEnv({ MIRAGE_DATA_DIR: dir, MEDIA_STORE: "s3" })).toThrow(ConfigError);
    expect(() => parseEnv({ MIRAGE_DATA_DIR: dir, MEDIA_STORE: "s3", S3_BUCKET: "media" })).toThrow(
      "Setting MEDIA_STORE=s3 needs S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY. Set them (see .env.example) or use MEDIA_STORE=local.",
    );
    expect(() => parseEnv({ MIRAGE_DATA_DIR: dir, ...s3Settings, S3_ENDPOINT: "minio:9000" })).toThrow(
      /^Setting S3_ENDPOINT is invalid/,
    );
  });
});
