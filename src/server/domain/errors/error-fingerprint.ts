import { createHash } from "node:crypto";
import { sanitizeErrorText } from "./sanitize-error-text";

/**
 * What makes two errors the same: their message with the varying parts (ids, numbers, quoted values)
 * taken out, and the top frames of their stack without line and column (they move with every release).
 */
export function normalizeErrorMessage(message: string): string {
  return sanitizeErrorText(message, 500)
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<id>")
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, "<value>")
    .replace(/\b0x[0-9a-f]+\b/gi, "<n>")
    .replace(/\d+(\.\d+)?/g, "<n>")
    .replace(/\s+/g, " ")
    .trim();
}

const TOP_FRAMES = 3;

/** "fn (file)" for the top stack frames: V8 (`at fn (file:1:2)`) and Firefox/Safari (`fn@file:1:2`) stacks. */
export function topStackFrames(stack: string | undefined): string[] {
  const frames: string[] = [];
  for (const line of (stack ?? "").split("\n")) {
    const v8 = /^\s*at (?:(.+?) \()?(.+?)(?::\d+)?(?::\d+)?\)?$/.exec(line);
    const gecko = /^(.*)@(.+?)(?::\d+)?(?::\d+)?$/.exec(line.trim());
    const match = v8 ?? gecko;
    if (!match) continue;
    const file = stripOrigin(match[2] ?? "");
    if (!file || file.startsWith("node:internal")) continue;
    frames.push(`${match[1] || "<anonymous>"} (${file})`);
    if (frames.length === TOP_FRAMES) break;
  }
  return frames;
}

/** Build hashes and origins differ between deployments; the path inside the app does not. */
function stripOrigin(file: string): string {
  return file
    .replace(/^[a-z]+:\/\/[^/]+/i, "")
    .replace(/\?.*$/, "")
    .replace(/^.*?(\/(?:src|\.next|node_modules)\/)/, "$1");
}

export interface FingerprintParts {
  organizationId: string | null;
  source: string;
  errorName: string;
  message: string;
  stack?: string;
}

export function errorFingerprint(parts: FingerprintParts): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        parts.organizationId ?? "system",
        parts.source,
        parts.errorName,
        normalizeErrorMessage(parts.message),
        topStackFrames(parts.stack),
      ]),
    )
    .digest("hex");
}
