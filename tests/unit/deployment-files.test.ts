import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";

const service = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  command: z.array(z.string()).optional(),
  profiles: z.array(z.string()).optional(),
  healthcheck: z.object({ test: z.union([z.string(), z.array(z.string())]) }).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
});
const compose = z.object({ services: z.record(z.string(), service) });

const packageScripts = async () =>
  (JSON.parse(await readFile("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

describe("deployment files", () => {
  it("compose.yaml runs Postgres 18, web and worker with health checks, Evolution only as a profile", async () => {
    const { services } = compose.parse(parse(await readFile("compose.yaml", "utf8")));
    expect(services.postgres?.image).toMatch(/^postgres:18/);
    for (const name of ["postgres", "web", "worker", "evolution"]) expect(services[name]?.healthcheck).toBeDefined();
    expect(services.evolution?.profiles).toEqual(["evolution"]);
    expect(services.web?.depends_on?.postgres?.condition).toBe("service_healthy");
    // Every command is an npm script that exists.
    const scripts = await packageScripts();
    for (const [name, definition] of Object.entries(services)) {
      if (!definition.command) continue;
      expect(definition.command.slice(0, 2), name).toEqual(["npm", "run"]);
      expect(scripts[definition.command[2]!], name).toBeDefined();
    }
  });

  it("the Dockerfile is multi-stage on Node 24, ends as a non-root user and runs existing scripts", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]!);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.at(-1)).toMatch(/^node:24/);
    const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    const scripts = await packageScripts();
    for (const [, script] of dockerfile.matchAll(/npm run ([a-z:]+)/g)) expect(scripts[script!], script).toBeDefined();
    // What the build context must hold: every COPY source (all words but the destination).
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+)$/gm)].flatMap((m) =>
      m[1]!.split(/\s+/).slice(0, -1),
    );
    expect(sources.length).toBeGreaterThan(2);
    expect(sources.filter((source) => !existsSync(source))).toEqual([]);
  });
});
