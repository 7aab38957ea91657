import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../src/i18n/messages/en.json";
import ptBR from "../../src/i18n/messages/pt-BR.json";

const CODE = /"([a-z_]+\.[a-z_]+)"/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("generated"))
    .map((f) => path.join(dir, f));
}

/** Dotted codes that are not audit actions, each kind declared in one file: queues, realtime and provider events, flags, reporting kinds. */
const otherCodeFiles = [
  "src/server/jobs/queues.ts",
  "src/shared/realtime.ts",
  "src/server/whatsapp/provider.ts",
  "src/shared/schemas/flags.ts",
  "src/server/domain/analytics/reporting-kinds.ts",
];

/** Dotted strings in domain code that are neither: file names, host names and catalog keys. */
const notActions = new Set([
  "database.dump",
  "database.tar",
  "media.tar",
  "mirage.pid",
  "openrouter.ai",
  "whatsapp.net",
  "reports.total",
]);

async function otherCodes(): Promise<Set<string>> {
  const declared = await Promise.all(otherCodeFiles.map((file) => readFile(file, "utf8")));
  return new Set(declared.flatMap((text) => [...text.matchAll(CODE)].map((m) => m[1]!)));
}

/** Every other dotted code in the domain and auth code: an audit action (some pass through helpers). */
async function auditActions(): Promise<string[]> {
  const others = await otherCodes();
  const actions = new Set<string>();
  const files = [...(await sourceFiles("src/server/domain")), ...(await sourceFiles("src/server/auth"))];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    for (const [, code] of text.matchAll(CODE))
      if (!others.has(code!) && !notActions.has(code!) && !/\.(json|csv|zip)$/.test(code!)) actions.add(code!);
  }
  return [...actions].sort();
}

const worded = (messages: unknown, code: string) => {
  const names = (messages as { settings: { audit: { actionNames: Record<string, Record<string, string>> } } }).settings
    .audit.actionNames;
  const [domain, verb] = code.split(".");
  return typeof names[domain!]?.[verb!] === "string";
};

describe("audit page wording", () => {
  it("every action the server records is worded on the audit page in both languages", async () => {
    const actions = await auditActions();
    expect(actions.length).toBeGreaterThan(60);
    expect(actions).toContain("account.password_changed");
    expect(actions.filter((code) => !worded(ptBR, code))).toEqual([]);
    expect(actions.filter((code) => !worded(en, code))).toEqual([]);
  });
});
