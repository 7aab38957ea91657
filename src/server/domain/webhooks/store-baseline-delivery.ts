import { env } from "../../../env";
import { intakeQuery } from "../../db/intake-pool";
import { AppError } from "../../errors";

/**
 * Benchmark baseline, off unless MIRAGE_BENCH_ROUTES is set: what a webhook costs inside the same Next
 * server with nothing but JSON.parse and one INSERT (into the bench's `raw` copy of the table, no RLS, no
 * authentication), so `bench:ingestion` can tell the cost of Next itself from the cost of Mirage's intake.
 */
export async function storeBaselineDelivery(input: { organizationId: string; instanceId: string; body: Buffer }) {
  if (!env().MIRAGE_BENCH_ROUTES) throw new AppError("NOT_FOUND", "notFound");
  let parsed: { event?: string; data?: { key?: { id?: string } } };
  try {
    parsed = JSON.parse(input.body.toString("utf8")) as typeof parsed;
  } catch {
    throw new AppError("BAD_REQUEST", "webhookBodyNotJson");
  }
  const event = parsed.event ?? "unknown";
  await intakeQuery(
    `INSERT INTO raw.webhook_deliveries (id, organization_id, instance_id, event, dedupe_key, payload)
     VALUES (uuidv7(), $1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [
      input.organizationId,
      input.instanceId,
      event,
      `${event}:${parsed.data?.key?.id ?? ""}`,
      input.body.toString("utf8"),
    ],
  );
}
