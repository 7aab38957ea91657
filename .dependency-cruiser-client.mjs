/**
 * Client components ("use client" modules) end up in the browser bundle with everything they reach.
 * None may reach server code or the environment through any chain of imports, re-exports or dynamic
 * `import()`. Type-only imports are erased before bundling, so this graph leaves them out
 * (`tsPreCompilationDeps: false`); `import type { AppRouter }` stays allowed.
 * Which modules are client components is read from their first statement, relative to the
 * directory depcruise runs in.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import mainConfig from "./.dependency-cruiser.cjs";

const CLIENT_ROOTS = ["src/app", "src/trpc"];
const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use client["']/;

function* sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name)) yield full;
  }
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const clientModules = CLIENT_ROOTS.flatMap((root) => [...sourceFiles(root)]).filter((file) =>
  USE_CLIENT.test(readFileSync(file, "utf8")),
);

const clientConfig = {
  forbidden: [
    {
      name: "client-reaches-no-server-code",
      comment: "a client component must not reach src/server, src/env or server-only, even through other modules",
      severity: "error",
      // A pattern that never matches keeps the rule valid when there is no client component.
      from: { path: clientModules.length ? clientModules.map((file) => `^${escape(file)}$`) : "^$." },
      to: { path: ["^src/server/", "^src/env\\.ts$", "^node_modules/server-only/"], reachable: true },
    },
  ],
  options: { ...mainConfig.options, tsPreCompilationDeps: false },
};

export default clientConfig;
