import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { assertValidMediaKey, type MediaStore, type StoredMedia } from "./media-store";

/**
 * Attachments as files under `root`: the bytes of key `k` in `objects/k`, its content type in
 * `meta/k.json`. Every write goes to a temporary file in the target's folder, is flushed to disk and
 * then renamed over the target, so a reader (or a crash) never sees half a file.
 */
export class LocalMediaStore implements MediaStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, bytes: Buffer, options: { contentType: string }): Promise<void> {
    const { object, meta } = this.paths(key);
    await writeAtomically(meta, JSON.stringify({ contentType: options.contentType }));
    // Same key, same bytes (the usual case with content-addressed keys): nothing to write.
    if (await holds(object, bytes)) return;
    await writeAtomically(object, bytes);
  }

  async get(key: string): Promise<StoredMedia | null> {
    const { object, meta } = this.paths(key);
    let handle;
    try {
      handle = await open(object, "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const contentType = await readContentType(meta);
      return { body: handle.createReadStream(), size, contentType };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { object, meta } = this.paths(key);
    await rm(object, { force: true });
    await rm(meta, { force: true });
  }

  private paths(key: string): { object: string; meta: string } {
    assertValidMediaKey(key);
    const objects = path.join(this.root, "objects");
    const object = path.resolve(objects, key);
    // The key rules already exclude "..", absolute paths and backslashes; this is the last line.
    if (!object.startsWith(objects + path.sep)) throw new Error(`Media key ${key} resolves outside ${objects}.`);
    return { object, meta: path.join(this.root, "meta", `${key}.json`) };
  }
}

async function writeAtomically(target: string, data: Buffer | string): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  // Keys never start with ".", so a temporary file can never be mistaken for one.
  const temporary = path.join(dir, `.tmp-${randomUUID()}`);
  try {
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function holds(file: string, bytes: Buffer): Promise<boolean> {
  try {
    const handle = await open(file, "r");
    try {
      if ((await handle.stat()).size !== bytes.length) return false;
      return (await handle.readFile()).equals(bytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function readContentType(meta: string): Promise<string | undefined> {
  try {
    const { contentType } = JSON.parse(await readFile(meta, "utf8")) as { contentType?: unknown };
    return typeof contentType === "string" ? contentType : undefined;
  } catch {
    return undefined;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
