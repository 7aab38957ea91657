import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "src",
  "public",
  "server.ts",
  "next.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];
const FINGERPRINT_FILE = ".next/mirage-build-fingerprint";

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const child of readdirSync(entry).sort()) yield* files(path.join(entry, child));
  } else {
    yield entry;
  }
}

/** A hash of everything the Next build reads, so a build is redone exactly when it is stale. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) for (const file of files(input)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return (
    existsSync(".next/BUILD_ID") &&
    existsSync(FINGERPRINT_FILE) &&
    readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint()
  );
}

export function markBuildCurrent(): void {
  writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
}
