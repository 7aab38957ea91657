import { withOrganization } from "../../db/tenant";
import type { PromptFeature } from "../../../shared/ai-prompts";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import type { promptComparisonOutput } from "./ai-prompts-outputs";

type Comparison = z.infer<typeof promptComparisonOutput>;

/**
 * A feature's published versions side by side over the period (A/B): calls made in the feature itself
 * (not the playground or evaluations), their cost and latency, what agents did with the suggestions each
 * wrote (used as is, edited, discarded) and how often agents agreed with the labels each gave.
 */
export async function getPromptComparison(
  actor: Actor,
  input: { feature: PromptFeature; days: number },
): Promise<Comparison> {
  const { organizationId } = actor;
  const since = new Date(Date.now() - input.days * 86_400_000);
  return withOrganization(organizationId, async (tx) => {
    const versions = await tx.aiPromptVersion.findMany({
      where: { organizationId, feature: input.feature, status: "published" },
      select: { id: true, number: true, share: true },
      orderBy: { number: "asc" },
    });
    const ids = versions.map((version) => version.id);
    const [calls, suggestions, reviews] = await Promise.all([
      tx.aiCall.groupBy({
        by: ["promptVersionId"],
        where: { organizationId, feature: input.feature, promptVersionId: { in: ids }, createdAt: { gte: since } },
        _count: { _all: true },
        _sum: { cost: true },
        _avg: { latencyMs: true },
      }),
      tx.aiSuggestion.groupBy({
        by: ["promptVersionId", "outcome"],
        where: { organizationId, promptVersionId: { in: ids }, createdAt: { gte: since } },
        _count: { _all: true },
      }),
      tx.$queryRaw<{ id: string; reviewed: number; correct: number }[]>`
        SELECT prompt_version_id AS id, count(*)::int AS reviewed,
               count(*) FILTER (WHERE label IS NOT DISTINCT FROM reviewed_label)::int AS correct
        FROM message_insights
        WHERE organization_id = ${organizationId}::uuid AND prompt_version_id = ANY(${ids}::uuid[])
          AND review IS NOT NULL AND created_at >= ${since}
        GROUP BY 1`,
    ]);
    return versions.map((version) => {
      const call = calls.find((row) => row.promptVersionId === version.id);
      const outcome = (name: string) =>
        suggestions.find((row) => row.promptVersionId === version.id && row.outcome === name)?._count._all ?? 0;
      const [used, edited, discarded] = [outcome("used"), outcome("edited"), outcome("discarded")];
      const settled = used + edited + discarded;
      const review = reviews.find((row) => row.id === version.id) ?? { reviewed: 0, correct: 0 };
      return {
        ...version,
        calls: call?._count._all ?? 0,
        cost: Number(call?._sum.cost ?? 0),
        avgLatencyMs: call?._avg.latencyMs ?? null,
        // Used as is or after an edit: the suggestion helped.
        suggestions: { used, edited, discarded, acceptance: settled ? (used + edited) / settled : null },
        reviews: {
          reviewed: review.reviewed,
          correct: review.correct,
          accuracy: review.reviewed ? review.correct / review.reviewed : null,
        },
      };
    });
  });
}
