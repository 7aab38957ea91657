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
  /** `reserved`: admitted and in flight, at its estimated cost (see admitAiCall). */
  outcome: "ok" | "failed" | "budget_exhausted" | "reserved";
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
function countAiCall(
  record: Pick<AiCallRecord, "organizationId" | "feature" | "engine" | "outcome" | "tokensIn" | "tokensOut" | "cost">,
): void {
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

/** A reserved call's outcome: its real tokens and cost replace the estimate held against the budget. */
export async function settleAiCall(
  organizationId: string,
  callId: string,
  settled: {
    outcome: "ok" | "failed";
    tokensIn?: number;
    tokensOut?: number;
    cost?: number;
    latencyMs: number;
    errorCode?: string | null;
  },
): Promise<void> {
  const row = await withOrganization(organizationId, (tx) =>
    tx.aiCall.update({
      where: { id: callId },
      data: {
        outcome: settled.outcome,
        tokensIn: settled.tokensIn ?? 0,
        tokensOut: settled.tokensOut ?? 0,
        cost: settled.cost ?? 0,
        latencyMs: settled.latencyMs,
        errorCode: settled.errorCode ?? null,
      },
      select: { feature: true, engine: true },
    }),
  );
  // Counted once settled (a reservation is no call yet), with its real tokens and cost.
  countAiCall({ organizationId, ...row, ...settled });
}
