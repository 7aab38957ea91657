import type { Prisma } from "../../db/client";
import { withOrganization, type Tx } from "../../db/tenant";
import { metrics } from "../../observability/metrics";

export interface AiCallRecord {
  organizationId: string;
  feature: string;
  engine: string;
  providerHost?: string | null;
  model: string;
  promptVersion: string;
  promptVersionId?: string | null;
  tokensIn?: number;
  tokensOut?: number;
  cost?: number;
  latencyMs?: number;
  outcome: "ok" | "failed" | "budget_exhausted";
  errorCode?: string | null;
  /** What was sent, after redaction. */
  input: Prisma.InputJsonValue;
}

function rowOf(record: AiCallRecord) {
  return {
    organizationId: record.organizationId,
    feature: record.feature,
    engine: record.engine,
    providerHost: record.providerHost ?? null,
    model: record.model,
    promptVersion: record.promptVersion,
    promptVersionId: record.promptVersionId ?? null,
    tokensIn: record.tokensIn ?? 0,
    tokensOut: record.tokensOut ?? 0,
    cost: record.cost ?? 0,
    latencyMs: record.latencyMs ?? 0,
    outcome: record.outcome,
    errorCode: record.errorCode ?? null,
    input: record.input,
  };
}

/** The call in mirage_ai_* metrics (calls, tokens, cost). */
function countAiCall(record: AiCallRecord): void {
  const { aiCalls, aiTokens, aiCost } = metrics();
  const { organizationId: organization_id, feature } = record;
  aiCalls.inc({ organization_id, feature, engine: record.engine, outcome: record.outcome });
  if (record.tokensIn) aiTokens.inc({ organization_id, feature, direction: "in" }, record.tokensIn);
  if (record.tokensOut) aiTokens.inc({ organization_id, feature, direction: "out" }, record.tokensOut);
  if (record.cost) aiCost.inc({ organization_id }, record.cost);
}

/** One row of the AI call log (its own transaction: a call is logged even when the caller's work fails). */
export async function recordAiCall(record: AiCallRecord): Promise<string> {
  const row = await withOrganization(record.organizationId, (tx) =>
    tx.aiCall.create({ data: rowOf(record), select: { id: true } }),
  );
  countAiCall(record);
  return row.id;
}

/** Many rows in the caller's transaction (the local engine's runs of a classification batch). */
export async function recordAiCalls(tx: Tx, records: AiCallRecord[]): Promise<void> {
  if (!records.length) return;
  await tx.aiCall.createMany({ data: records.map(rowOf) });
  records.forEach(countAiCall);
}

/** The provider answered, but not in the schema asked for: the call counts (it cost) yet failed. */
export async function markAiCallInvalid(organizationId: string, callId: string): Promise<void> {
  await withOrganization(organizationId, (tx) =>
    tx.aiCall.update({ where: { id: callId }, data: { outcome: "failed", errorCode: "invalid_answer" } }),
  );
}
