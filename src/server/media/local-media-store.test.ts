import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { LocalMediaStore } from "./local-media-store";
import { mediaKey } from "./media-key";

const newStore = () => new LocalMediaStore(mkdtempSync(path.join(tmpdir(), "mirage-media-")));

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((entry) => statSync(path.join(dir, entry)).isFile());

describe("local media store", () => {
  it("gives back the bytes and content type it was given", async () => {
    const store = newStore();
    const bytes = Buffer.from([0, 1, 2, 255, ...Buffer.from("áudio")]);
    const key = mediaKey("org1", bytes);
    await store.put(key, bytes, { contentType: "audio/ogg; codecs=opus" });

    const stored = await store.get(key);
    expect(stored).not.toBeNull();
    expect(stored!.size).toBe(bytes.length);
    expect(stored!.contentType).toBe("audio/ogg; codecs=opus");
    expect(await buffer(stored!.body)).toEqual(bytes);
    expect(await readFile(path.join(store.root, "objects", key))).toEqual(bytes);
  });

  it("answers null for a key it does not hold", async () => {
    const store = newStore();
    expect(await store.get("org1/missing")).toBeNull();
    await store.put("org1/file", Buffer.from("x"), { contentType: "text/plain" });
    // "org1/file" is a file, so nothing can be under it.
    expect(await store.get("org1/file/below")).toBeNull();
  });

  it("stores the same key twice without rewriting or failing", async () => {
    const store = newStore();
    const bytes = Buffer.from("the same bytes");
    const key = mediaKey("org1", bytes);
    await store.put(key, bytes, { contentType: "text/plain" });
    const file = path.join(store.root, "objects", key);
    const first = statSync(file);
    await store.put(key, Buffer.from(bytes), { contentType: "text/plain" });
    const second = statSync(file);
    expect(second.ino).toBe(first.ino);
    expect(second.mtimeMs).toBe(first.mtimeMs);
    expect(await buffer((await store.get(key))!.body)).toEqual(bytes);
  });

  it("replaces different bytes under one key atomically, leaving no temporary files", async () => {
    const store = newStore();
    await store.put("org1/doc", Buffer.from("first"), { contentType: "text/plain" });
    await store.put("org1/doc", Buffer.from("second!"), { contentType: "application/pdf" });
    const stored = (await store.get("org1/doc"))!;
    expect(await buffer(stored.body)).toEqual(Buffer.from("second!"));
    expect(stored.contentType).toBe("application/pdf");
    expect(filesUnder(store.root).sort()).toEqual([
      path.join("meta", "org1", "doc.json"),
      path.join("objects", "org1", "doc"),
    ]);
  });

  it("survives concurrent puts of the same key", async () => {
    const store = newStore();
    const bytes = Buffer.alloc(256 * 1024, 7);
    const key = mediaKey("org1", bytes);
    await Promise.all(Array.from({ length: 10 }, () => store.put(key, bytes, { contentType: "image/png" })));
    expect(await buffer((await store.get(key))!.body)).toEqual(bytes);
    expect(filesUnder(store.root)).toHaveLength(2);
  });

  it("deletes, and deleting twice is fine", async () => {
    const store = newStore();
    await store.put("org1/x", Buffer.from("x"), { contentType: "text/plain" });
    await store.delete("org1/x");
    await store.delete("org1/x");
    expect(await store.get("org1/x")).toBeNull();
    expect(filesUnder(store.root)).toEqual([]);
  });

  it.each(["../escape", "org1/../../escape", "/tmp/escape", "org1/..", "..", "org1\\..\\escape", "org1/.tmp-x", ""])(
    "refuses the key %j for every operation",
    async (key) => {
      const store = newStore();
      const outside = path.resolve(store.root, "..", "escape");
      await expect(store.put(key, Buffer.from("x"), { contentType: "text/plain" })).rejects.toBeInstanceOf(AppError);
      await expect(store.get(key)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(store.delete(key)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(existsSync(outside)).toBe(false);
      expect(filesUnder(store.root)).toEqual([]);
    },
  );
});
