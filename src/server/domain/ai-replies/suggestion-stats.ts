import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import type { suggestionStatsOutput } from "./ai-replies-outputs";

/** How often agents take the composer's suggestions, over the last `days`. */
export async function getSuggestionStats(
  actor: Actor,
  input: { days: number },
): Promise<z.infer<typeof suggestionStatsOutput>> {
  const since = new Date(Date.now() - input.days * 86_400_000);
  const groups = await withOrganization(actor.organizationId, (tx) =>
    tx.aiSuggestion.groupBy({
      by: ["outcome"],
      where: { organizationId: actor.organizationId, createdAt: { gte: since } },
      _count: { _all: true },
    }),
  );
  const count = (outcome: string) => groups.find((g) => g.outcome === outcome)?._count._all ?? 0;
  const [offered, used, edited, discarded] = ["offered", "used", "edited", "discarded"].map(count) as [
    number,
    number,
    number,
    number,
  ];
  const settled = used + edited + discarded;
  return { offered, used, edited, discarded, acceptanceRate: settled ? (used + edited) / settled : null };
}
