/**
 * Contact import benchmark: a generated CSV of N contacts (name, phone, two tags, consent) through
 * the real use cases — preview, validation report, start — and the import job run in this process
 * (what the worker does), on the embedded Postgres of its own data directory. Then the same file
 * again (every row unchanged). No web server or worker is needed.
 *   npm run bench:contacts-import -- [--rows=100000] [--keep]
 * Ends with one JSON line of figures.
 */
import path from "node:path";
import { withOrganization } from "../src/server/db/tenant";
import { getContactImport } from "../src/server/domain/contacts/get-contact-import";
import { previewContactImport } from "../src/server/domain/contacts/preview-contact-import";
import { runContactImport } from "../src/server/domain/contacts/run-contact-import";
import { validateContactImport } from "../src/server/domain/contacts/validate-contact-import";
import { booleanFlag, machine, numberFlag, round1 } from "./support/common";
import { runWithBenchOrganization } from "./support/bench-organization";
import { reportPeakRss } from "./support/peak-rss";

const ROWS = numberFlag("rows", 100_000);
const env: Record<string, string> = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench-contacts"),
  EMBEDDED_PG_PORT: "54369",
  LOG_LEVEL: "warn",
};

function csv(rows: number): Buffer {
  const lines = ["Nome;Celular;Etiquetas;Consentimento"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Cliente ${i};(11) 9${7 + (i % 3)}${String(i).padStart(7, "0")};${i % 2 ? "Lista A, Lista B" : "Lista A"};${i % 10 ? "sim" : ""}`,
    );
  return Buffer.from(lines.join("\r\n"), "utf8");
}

/** Marks the import started as startContactImport does, without enqueueing (this process runs the job). */
async function markStarted(organizationId: string, importId: string, rejected: number) {
  await withOrganization(organizationId, (tx) =>
    tx.contactImport.update({
      where: { id: importId },
      data: {
        status: "running",
        mapping: { columns: mapping, legalBasis: "consent", evidence: "Planilha de benchmark" },
        rejectedCount: rejected,
        processedRows: rejected,
      },
    }),
  );
}

const mapping = { phone: 1, name: 0, tags: 2, consent: 3, fields: {} };

async function importOnce(actor: { userId: string; organizationId: string; role: "owner" }, bytes: Buffer) {
  const t0 = performance.now();
  const preview = await previewContactImport(actor, { bytes, fileName: "bench.csv" });
  const t1 = performance.now();
  const report = await validateContactImport(actor, { importId: preview.importId, mapping });
  const t2 = performance.now();
  await markStarted(actor.organizationId, preview.importId, report.rejectedRows);
  await runContactImport({ organizationId: actor.organizationId, importId: preview.importId });
  const t3 = performance.now();
  const result = await getContactImport(actor, { importId: preview.importId });
  if (result.status !== "completed") throw new Error(`import ended ${result.status}: ${result.error}`);
  return {
    previewMs: Math.round(t1 - t0),
    validateMs: Math.round(t2 - t1),
    jobMs: Math.round(t3 - t2),
    rowsPerSecond: Math.round(ROWS / ((t3 - t2) / 1000)),
    created: result.createdCount,
    updated: result.updatedCount,
    unchanged: result.unchangedCount,
  };
}

async function main() {
  await runWithBenchOrganization(
    env,
    async (actor) => {
      const bytes = csv(ROWS);
      console.log(`importing ${ROWS} rows (${round1(bytes.length / 1024 / 1024)} MB)…`);
      const first = await importOnce(actor, bytes);
      console.log("first import", first);
      const again = await importOnce(actor, bytes);
      console.log("same file again", again);
      // No web server or worker here: this process runs the import job, as the worker would.
      const peakRssMb = reportPeakRss({ worker: process.pid });
      return { bench: "contacts-import", rows: ROWS, first, again, machine: machine(), peakRssMb };
    },
    { keep: booleanFlag("keep") },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
