// `npm run audit:check` (run by .ci/run): `npm audit` against .ci/audit-allowlist.json. Fails on an advisory
// the allowlist does not name, or names past its `until` date. When the advisory service cannot be reached
// (offline, or a registry mirror without the audit endpoint) it says so and passes: CI must not depend on it.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Every advisory in `npm audit --json` output: { id (GHSA), package, severity, title, url }. */
export function advisoriesOf(report) {
  const found = new Map();
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== "object" || !via.url) continue;
      const id = /GHSA-[\w-]+/.exec(via.url)?.[0] ?? String(via.source);
      found.set(`${id} ${name}`, {
        id,
        package: via.name ?? name,
        severity: via.severity,
        title: via.title,
        url: via.url,
      });
    }
  }
  return [...found.values()];
}

/** Advisories the allowlist does not cover today (unknown id or package, or an entry past its `until`). */
export function unlistedAdvisories(report, allowlist, today = new Date()) {
  const day = today.toISOString().slice(0, 10);
  return advisoriesOf(report).filter(
    (advisory) =>
      !allowlist.advisories.some(
        (entry) =>
          entry.id === advisory.id && entry.package === advisory.package && (!entry.until || entry.until >= day),
      ),
  );
}

/** The audit could not run (network, or an endpoint the registry does not serve): npm answers an error object. */
export function auditUnavailable(report) {
  return Boolean(report.error || report.message) && !report.vulnerabilities;
}

function runAudit() {
  return new Promise((resolve) => {
    // npm audit exits non-zero when it finds something: the JSON is read either way.
    execFile("npm", ["audit", "--json"], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout) => {
      try {
        resolve(JSON.parse(stdout));
      } catch {
        resolve({ error: { summary: error?.message ?? "no JSON from npm audit" } });
      }
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const allowlist = JSON.parse(readFileSync(new URL("./audit-allowlist.json", import.meta.url), "utf8"));
  const report = await runAudit();
  if (auditUnavailable(report)) {
    console.log(
      `audit:check: the advisory service is unreachable (${report.message ?? report.error?.summary}); skipped.`,
    );
    process.exit(0);
  }
  const unlisted = unlistedAdvisories(report, allowlist);
  for (const advisory of unlisted) {
    console.error(
      `audit:check: ${advisory.severity} ${advisory.id} in ${advisory.package}: ${advisory.title} (${advisory.url})`,
    );
  }
  if (unlisted.length > 0) {
    console.error(
      `audit:check: ${unlisted.length} advisories are not in .ci/audit-allowlist.json: upgrade, or list each with a reason.`,
    );
    process.exit(1);
  }
  console.log(`audit:check: ${advisoriesOf(report).length} advisories, all allowlisted.`);
}
