import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(entry) && !entry.endsWith(".test.ts")) yield full;
  }
}

const SERVER_IMPORT =
  /^import\s+(?!type\b)[^;]*?from\s+["']([^"']*\/server\/[^"']*|~\/server\/[^"']*|~\/env|[^"']*\/env)["']/gm;

describe("client components", () => {
  it("import server code for types only (architecture.md import rules)", () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles("src/app"), ...sourceFiles("src/trpc")]) {
      const source = readFileSync(file, "utf8");
      if (!/^["']use client["'];?/m.test(source.slice(0, 200))) continue;
      for (const match of source.matchAll(SERVER_IMPORT)) offenders.push(`${file} → ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
