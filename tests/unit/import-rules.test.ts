import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The import rules (.dependency-cruiser.cjs, .dependency-cruiser-client.mjs) run by dependency-cruiser
 * on a planted project: every rule must fire on its planted violation, and the allowed imports
 * next to them must not.
 */
const repo = path.resolve(import.meta.dirname, "../..");

/** Modules the planted imports point at; they import only what their own layer allows. */
const targets: Record<string, string> = {
  "src/shared/ok.ts": 'import { z } from "zod";\nexport const ok = z.string();\n',
  "src/server/db/client.ts": 'import pg from "pg";\nexport const db = pg;\n',
  "src/server/domain/x.ts": 'import { db } from "../db/client";\nexport const x = db;\n',
  "src/server/logger.ts": "export const logger = 1;\n",
  "src/server/jobs/queues.ts": 'import { db } from "../db/client";\nexport const queues = db;\n',
  "src/server/whatsapp/provider.ts": "export const provider = 1;\n",
  "src/server/whatsapp/evolution/client.ts":
    'import { provider } from "../provider";\nexport const client = provider;\n',
  "src/server/api/root.ts":
    'import { x } from "../domain/x";\nexport const appRouter = x;\nexport type AppRouter = typeof x;\n',
  "src/trpc/react.tsx":
    '"use client";\nimport type { AppRouter } from "../server/api/root";\nexport type Router = AppRouter;\nexport const api = 1;\n',
  "src/app/page.tsx":
    'import { useState } from "react";\nimport { ok } from "../shared/ok";\nexport { ok, useState };\n',
  "src/app/_components/helper.ts": 'import { env } from "../../env";\nexport const helper = env;\n',
  "src/app/_components/typed.tsx":
    '"use client";\nimport { api } from "../../trpc/react";\nexport const typed = api;\n',
};

/** One or more planted violations per rule: [rule name, planted module, its source]. */
const planted: [rule: string, file: string, source: string][] = [
  ["shared-imports-zod-only", "src/shared/phone.ts", 'import { parse } from "libphonenumber-js";\nexport { parse };\n'],
  [
    "shared-imports-zod-only",
    "src/shared/file.ts",
    'import { readFileSync } from "node:fs";\nexport { readFileSync };\n',
  ],
  ["shared-imports-zod-only", "src/shared/server.ts", 'import { db } from "../server/db/client";\nexport { db };\n'],
  [
    "app-imports-ui-trpc-shared",
    "src/app/(app)/inbox/types.ts",
    'import type { x } from "../../../server/domain/x";\nexport type X = typeof x;\n',
  ],
  [
    "routes-call-api-auth-domain",
    "src/app/api/planted/route.ts",
    'import { db } from "../../../server/db/client";\nexport { db };\n',
  ],
  ["server-words-use-messages", "src/server/i18n/planted.ts", 'import { db } from "../db/client";\nexport { db };\n'],
  ["trpc-glue-imports-api", "src/trpc/planted.ts", 'import { x } from "../server/domain/x";\nexport { x };\n'],
  [
    "i18n-imports-messages-and-session",
    "src/i18n/planted.ts",
    'import { db } from "../server/db/client";\nexport { db };\n',
  ],
  [
    "api-only-adapts",
    "src/server/api/routers/planted.ts",
    'import { queues } from "../../jobs/queues";\nexport { queues };\n',
  ],
  ["auth-imports-domain", "src/server/auth/planted.ts", 'import { db } from "../db/client";\nexport { db };\n'],
  [
    "domain-is-transport-free",
    "src/server/domain/evolution.ts",
    'import { client } from "../whatsapp/evolution/client";\nexport { client };\n',
  ],
  [
    "domain-is-transport-free",
    "src/server/domain/trpc.ts",
    'import { TRPCError } from "@trpc/server";\nexport { TRPCError };\n',
  ],
  [
    "whatsapp-port-imports-adapter",
    "src/server/whatsapp/planted.ts",
    'import { db } from "../db/client";\nexport { db };\n',
  ],
  [
    "evolution-adapter-is-leaf",
    "src/server/whatsapp/evolution/planted.ts",
    'import { x } from "../../domain/x";\nexport { x };\n',
  ],
  ["jobs-imports-db", "src/server/jobs/planted.ts", 'import { x } from "../domain/x";\nexport { x };\n'],
  ["realtime-imports-socket-io", "src/server/realtime/planted.ts", 'import { x } from "../domain/x";\nexport { x };\n'],
  [
    "next-instrumentation-starts-tracing",
    "src/instrumentation.ts",
    'import { db } from "./server/db/client";\nexport { db };\n',
  ],
  ["db-is-leaf", "src/server/db/planted.ts", 'import { x } from "../domain/x";\nexport { x };\n'],
  ["server-support-is-leaf", "src/server/media/planted.ts", 'import { db } from "../db/client";\nexport { db };\n'],
  [
    "close-connections-imports-infrastructure",
    "src/server/close-connections.ts",
    'import { x } from "./domain/x";\nexport { x };\n',
  ],
  [
    "env-imports-zod",
    "src/env.ts",
    'import { z } from "zod";\nimport { logger } from "./server/logger";\nexport const env = z.string();\nexport { logger };\n',
  ],
  [
    "workers-outside-next",
    "src/workers/api.ts",
    'import { appRouter } from "../server/api/root";\nexport { appRouter };\n',
  ],
  ["workers-outside-next", "src/workers/next.ts", 'import next from "next";\nexport { next };\n'],
  ["simulator-stands-alone", "src/simulator/planted.ts", 'import { ok } from "../shared/ok";\nexport { ok };\n'],
  [
    "server-entry-wires-next-and-socket-io",
    "server.ts",
    'import { appRouter } from "./src/server/api/root";\nexport { appRouter };\n',
  ],
  [
    "scripts-import-infrastructure",
    "scripts/planted.ts",
    'import { appRouter } from "../src/server/api/root";\nexport { appRouter };\n',
  ],
  [
    "bench-imports-domain-and-support",
    "bench/planted.ts",
    'import { appRouter } from "../src/server/api/root";\nexport { appRouter };\n',
  ],
  [
    "test-support-imports-server",
    "tests/support/planted.ts",
    'import { ok } from "../../src/app/page";\nexport { ok };\n',
  ],
  ["module-belongs-to-a-layer", "src/reports/planted.ts", 'import { ok } from "../shared/ok";\nexport { ok };\n'],
  ["no-circular", "src/server/domain/cycle-a.ts", 'import { b } from "./cycle-b";\nexport const a = () => b;\n'],
  [
    "client-reaches-no-server-code",
    "src/app/_components/reexport.tsx",
    '"use client";\nexport { x } from "../../server/domain/x";\n',
  ],
  [
    "client-reaches-no-server-code",
    "src/app/_components/lazy.tsx",
    '"use client";\nexport const load = () => import("../../server/logger");\n',
  ],
  [
    "client-reaches-no-server-code",
    "src/app/_components/transitive.tsx",
    '"use client";\nimport { helper } from "./helper";\nexport const transitive = helper;\n',
  ],
];

/** The second half of the planted cycle. */
const extras: Record<string, string> = {
  "src/server/domain/cycle-b.ts": 'import { a } from "./cycle-a";\nexport const b = () => a;\n',
};

interface RuleSet {
  forbidden: { name: string }[];
}

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let root: string;
let violations: Violation[];

function write(file: string, source: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), source);
}

function cruise(config: string, dirs: string[]): Violation[] {
  const result = spawnSync(
    process.execPath,
    [
      path.join(repo, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
      ...dirs,
      "--config",
      config,
      "--output-type",
      "json",
    ],
    { cwd: root, encoding: "utf8" },
  );
  if (!result.stdout) throw new Error(`depcruise failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "mirage-import-rules-"));
  symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"), "dir");
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: { module: "esnext", moduleResolution: "bundler", jsx: "react-jsx", strict: true },
    }),
  );
  // The repository's configs, with package paths kept under the planted project's node_modules symlink.
  write(
    ".dependency-cruiser.cjs",
    `const config = require(${JSON.stringify(path.join(repo, ".dependency-cruiser.cjs"))});\n` +
      "module.exports = { ...config, options: { ...config.options, preserveSymlinks: true } };\n",
  );
  write(
    ".dependency-cruiser-client.mjs",
    `import config from ${JSON.stringify(path.join(repo, ".dependency-cruiser-client.mjs"))};\n` +
      "export default { ...config, options: { ...config.options, preserveSymlinks: true } };\n",
  );
  for (const [file, source] of Object.entries({ ...targets, ...extras })) write(file, source);
  for (const [, file, source] of planted) write(file, source);
  violations = [
    ...cruise(".dependency-cruiser.cjs", ["src", "server.ts", "scripts", "bench", "tests/support"]),
    ...cruise(".dependency-cruiser-client.mjs", ["src/app", "src/trpc"]),
  ];
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("import rules", () => {
  it.each(planted.map(([rule, file]) => [rule, file]))("%s fires on %s", (rule, file) => {
    expect(violations.filter((v) => v.from === file).map((v) => v.rule.name)).toContain(rule);
  });

  it("plant a violation of every rule the configs declare", async () => {
    const main = createRequire(import.meta.url)(path.join(repo, ".dependency-cruiser.cjs")) as RuleSet;
    const client = ((await import(path.join(repo, ".dependency-cruiser-client.mjs"))) as { default: RuleSet }).default;
    const declared = [...main.forbidden, ...client.forbidden].map((rule) => rule.name).sort();
    expect([...new Set(planted.map(([rule]) => rule))].sort()).toEqual(declared);
  });

  it("let the allowed imports through", () => {
    expect(violations.filter((v) => v.from in targets)).toEqual([]);
  });

  it("let a client component import the tRPC glue that imports the router's type", () => {
    expect(violations.filter((v) => v.from === "src/app/_components/typed.tsx")).toEqual([]);
  });
});
