import type { Prisma } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import type { aiCallDetailOutput, listAiCallsOutput } from "./ai-outputs";
import type { z } from "../../../shared/zod";

export interface AiCallFilter {
  feature?: string;
  outcome?: string;
  model?: string;
  days?: number;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

const summary = {
  id: true,
  feature: true,
  engine: true,
  providerHost: true,
  model: true,
  promptVersion: true,
  tokensIn: true,
  tokensOut: true,
  cost: true,
  latencyMs: true,
  outcome: true,
  errorCode: true,
  createdAt: true,
} as const;

/** "Registros": the organization's AI calls, newest first, filtered by feature, outcome, model and period. */
export async function listAiCalls(actor: Actor, filter: AiCallFilter): Promise<z.infer<typeof listAiCallsOutput>> {
  const where: Prisma.AiCallWhereInput = {
    organizationId: actor.organizationId,
    feature: filter.feature,
    outcome: filter.outcome,
    model: filter.model,
    createdAt: {
      gte: filter.from ? new Date(filter.from) : undefined,
      lt: filter.to ? new Date(filter.to) : undefined,
    },
  };
  const rows = await withOrganization(actor.organizationId, (tx) =>
    tx.aiCall.findMany({
      where,
      select: summary,
      // uuid v7 ids grow with time: id order is creation order and makes a stable cursor.
      orderBy: { id: "desc" },
      take: filter.limit + 1,
      ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    }),
  );
  const page = rows.slice(0, filter.limit);
  return {
    calls: page.map((row) => ({ ...row, cost: Number(row.cost) })),
    nextCursor: rows.length > filter.limit ? page.at(-1)!.id : null,
  };
}

/** One call opened: everything above plus the input as it was sent (after redaction). */
export async function getAiCall(actor: Actor, input: { callId: string }): Promise<z.infer<typeof aiCallDetailOutput>> {
  const row = await withOrganization(actor.organizationId, (tx) =>
    tx.aiCall.findFirst({
      where: { id: input.callId, organizationId: actor.organizationId },
      select: { ...summary, input: true },
    }),
  );
  if (!row) throw new AppError("NOT_FOUND", "aiCallNotFound");
  return { ...row, cost: Number(row.cost) };
}
