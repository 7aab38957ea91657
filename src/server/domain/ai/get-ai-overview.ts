import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { LOCAL_ENGINE, LOCAL_ENGINE_VERSION, LOCAL_MODEL } from "./local-engine-identity";
import { PROVIDER_ENGINE } from "./provider-engine";
import { activePrompts, promptLabel } from "../ai-prompts/active-prompts";
import type { aiOverviewOutput } from "./ai-outputs";
import type { z } from "../../../shared/zod";

export type AiOverview = z.infer<typeof aiOverviewOutput>;

/** Codes and counts for the IA page over the last `days` days; the page words them. */
export async function getAiOverview(actor: Actor, input: { days: number }): Promise<AiOverview> {
  return withOrganization(actor.organizationId, async (tx) => {
    const since = new Date(Date.now() - input.days * 86_400_000);
    const where = { organizationId: actor.organizationId, createdAt: { gte: since } };
    const [provider, organization, byLabel, bySentiment, reviewed, confusion, byModel] = await Promise.all([
      tx.aiProvider.findUnique({ where: { organizationId: actor.organizationId }, select: { model: true } }),
      tx.organization.findUniqueOrThrow({
        where: { id: actor.organizationId },
        select: { aiLabels: true, aiExternalTransfer: true },
      }),
      tx.messageInsight.groupBy({ by: ["label"], where, _count: { _all: true } }),
      tx.messageInsight.groupBy({ by: ["sentiment"], where, _count: { _all: true } }),
      tx.messageInsight.groupBy({ by: ["review"], where: { ...where, review: { not: null } }, _count: { _all: true } }),
      tx.$queryRaw<{ machine: string | null; agent: string | null; count: number }[]>`
        SELECT label AS machine, reviewed_label AS agent, count(*)::int AS count FROM message_insights
        WHERE organization_id = ${actor.organizationId}::uuid AND created_at >= ${since} AND review IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`,
      // Label accuracy per engine, model and engine/prompt version (e.g. provider gpt-4o-mini classification-v2).
      tx.$queryRaw<{ engine: string; model: string; version: string; reviewed: number; correct: number }[]>`
        SELECT engine, model, engine_version AS version, count(*)::int AS reviewed,
               count(*) FILTER (WHERE label IS NOT DISTINCT FROM reviewed_label)::int AS correct
        FROM message_insights
        WHERE organization_id = ${actor.organizationId}::uuid AND created_at >= ${since} AND review IS NOT NULL
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ]);
    const prompts = await activePrompts(tx, actor.organizationId, "classification");
    const confirmed = reviewed.find((row) => row.review === "confirmed")?._count._all ?? 0;
    const corrected = reviewed.find((row) => row.review === "corrected")?._count._all ?? 0;
    const perLabel = new Map<string | null, { reviewed: number; correct: number }>();
    for (const cell of confusion) {
      const entry = perLabel.get(cell.machine) ?? { reviewed: 0, correct: 0 };
      entry.reviewed += cell.count;
      if (cell.machine === cell.agent) entry.correct += cell.count;
      perLabel.set(cell.machine, entry);
    }
    return {
      // Without the transfer switch the provider is never called: the local engine is what classifies.
      engine:
        provider && organization.aiExternalTransfer
          ? { kind: PROVIDER_ENGINE, model: provider.model, version: prompts.map(promptLabel).join(" / ") }
          : { kind: LOCAL_ENGINE, model: LOCAL_MODEL, version: LOCAL_ENGINE_VERSION },
      labels: organization.aiLabels,
      days: input.days,
      total: bySentiment.reduce((sum, row) => sum + row._count._all, 0),
      byLabel: byLabel.map((row) => ({ label: row.label, count: row._count._all })),
      bySentiment: bySentiment.map((row) => ({ sentiment: row.sentiment, count: row._count._all })),
      overall: ratio(confirmed + corrected, confirmed),
      labelAccuracy: [...perLabel].map(([label, entry]) => ({ label, ...ratio(entry.reviewed, entry.correct) })),
      confusion,
      modelAccuracy: byModel.map(({ engine, model, version, reviewed, correct }) => ({
        engine,
        model,
        version,
        ...ratio(reviewed, correct),
      })),
    };
  });
}

function ratio(reviewed: number, correct: number): AiOverview["overall"] {
  return { reviewed, correct, accuracy: reviewed ? correct / reviewed : null };
}
