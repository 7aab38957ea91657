import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

/** Compresses `source` into `target` and removes `source`; level 1: backups are written often, read rarely. */
export async function gzip(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createGzip({ level: 1 }), createWriteStream(target, { mode: 0o600 }));
  await rm(source);
}

export async function gunzip(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target, { mode: 0o600 }));
}
