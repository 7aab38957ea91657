import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { metrics } from "~/server/observability/metrics";

const run = promisify(execFile);

/** The part of Grafana's dashboard model (schemaVersion 39) an import relies on. */
const target = z.object({ refId: z.string().regex(/^[A-Z]$/), expr: z.string().min(1), legendFormat: z.string() });
const panel = z.object({
  id: z.number().int().positive(),
  type: z.enum(["timeseries", "stat", "bargauge", "gauge", "table"]),
  title: z.string().min(1),
  datasource: z.object({ type: z.literal("prometheus"), uid: z.string() }),
  gridPos: z.object({ h: z.number().int(), w: z.number().int().max(24), x: z.number().int(), y: z.number().int() }),
  targets: z.array(target).min(1),
});
const dashboard = z.object({
  uid: z.string().min(1),
  title: z.string().min(1),
  schemaVersion: z.number().int().min(36),
  time: z.object({ from: z.string(), to: z.string() }),
  templating: z.object({ list: z.array(z.object({ name: z.string(), type: z.string() })) }),
  panels: z.array(panel).min(1),
});

/** Written at scrape time from pg-boss's tables (src/server/domain/system/get-readiness.ts), not registered. */
const SCRAPE_TIME_GAUGES = ["mirage_queue_jobs", "mirage_queue_oldest_job_age_seconds"];

async function knownMetricNames(): Promise<Set<string>> {
  const registered = (await metrics().registry.getMetricsAsJSON()).map((m) => m.name);
  return new Set([...registered, ...SCRAPE_TIME_GAUGES]);
}

/** Metric names an expression reads, with histogram series suffixes folded. */
const referencedMetrics = (expr: string) =>
  [...expr.matchAll(/\bmirage_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|sum|count)$/, ""));

describe("shipped operations files", () => {
  it("alert rules pass promtool and cover the issue's alerts", async () => {
    const { stdout } = await run("/usr/bin/promtool", ["check", "rules", "ops/prometheus/alerts.yml"]);
    expect(stdout).toContain("SUCCESS");
    const rules = await readFile("ops/prometheus/alerts.yml", "utf8");
    for (const alert of [
      "MirageNumberDown",
      "MirageIngestionLag",
      "MirageQueueStuck",
      "MirageHighErrorRate",
      "MirageSendFailureSpike",
      "MirageAiSpendSurge",
    ])
      expect(rules).toContain(`alert: ${alert}`);
  });

  it("the dashboard matches Grafana's model and every query names a metric Mirage exports", async () => {
    const parsed = dashboard.parse(JSON.parse(await readFile("ops/grafana/mirage.json", "utf8")));
    const known = await knownMetricNames();
    const queried = parsed.panels.flatMap((p) => p.targets.flatMap((t) => referencedMetrics(t.expr)));
    expect(queried.length).toBeGreaterThan(10);
    expect(queried.filter((name) => !known.has(name))).toEqual([]);
    expect(new Set(parsed.panels.map((p) => p.id)).size).toBe(parsed.panels.length);
  });

  it("alert expressions name metrics Mirage exports", async () => {
    const known = await knownMetricNames();
    const rules = await readFile("ops/prometheus/alerts.yml", "utf8");
    const exprs = [...rules.matchAll(/^\s+expr: (\|\n(?:\s{10,}.*\n)+|.*)$/gm)].map((m) => m[1]!);
    expect(exprs.length).toBeGreaterThanOrEqual(6);
    expect(exprs.flatMap(referencedMetrics).filter((name) => !known.has(name))).toEqual([]);
  });

  it("names follow Prometheus conventions: mirage_ prefix, counters _total, durations _seconds", async () => {
    for (const metric of await metrics().registry.getMetricsAsJSON()) {
      expect(metric.name).toMatch(/^mirage_/);
      if (String(metric.type) === "counter") expect(metric.name).toMatch(/_total$/);
      if (String(metric.type) === "histogram" && !metric.name.startsWith("mirage_nodejs_"))
        expect(metric.name).toMatch(/_seconds$/);
    }
  });
  it("the AI spend rule fires for an organization whose last hour costs far more than its day, not for a steady one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mirage-promtool-"));
    const rulesFile = resolve("ops/prometheus/alerts.yml");
    // Per minute: a day at 0.12/h, then 6/h for an hour (surging); the steady one stays at 0.12/h.
    const test = [
      `rule_files: ["${rulesFile}"]`,
      "evaluation_interval: 1m",
      "tests:",
      "  - interval: 1m",
      "    input_series:",
      "      - series: 'mirage_ai_cost_total{organization_id=\"surging\"}'",
      "        values: '0+0.002x1440 3+0.1x60'",
      "      - series: 'mirage_ai_cost_total{organization_id=\"steady\"}'",
      "        values: '0+0.002x1500'",
      "    alert_rule_test:",
      "      - eval_time: 25h",
      "        alertname: MirageAiSpendSurge",
      "        exp_alerts:",
      "          - exp_labels: { severity: warning, organization_id: surging }",
      "            exp_annotations:",
      "              summary: 'AI spend of organization surging is surging (6.02 in the last hour)'",
      "              description: 'Open IA → Registros to see which feature is calling; lower the budget or turn the feature off.'",
      "      - eval_time: 23h",
      "        alertname: MirageAiSpendSurge",
      "        exp_alerts: []",
    ].join("\n");
    await writeFile(join(dir, "ai-spend.test.yml"), test);
    const { stdout } = await run("/usr/bin/promtool", ["test", "rules", join(dir, "ai-spend.test.yml")]);
    expect(stdout).toContain("SUCCESS");
  });
});
