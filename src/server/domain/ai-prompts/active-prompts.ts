import { withOrganization, type Tx } from "../../db/tenant";
import { bucketOf, pickByShare, promptFeatures, type PromptFeature } from "../../../shared/ai-prompts";
import { defaultPrompts } from "./default-prompts";

/** A prompt version as the features use it. */
export interface PromptRef {
  id: string;
  feature: PromptFeature;
  number: number;
  share: number;
  body: string;
}

/** What the call log stores as the prompt version (the id goes in its own column). */
export const promptLabel = (prompt: Pick<PromptRef, "feature" | "number">) => `${prompt.feature}-v${prompt.number}`;

const select = { id: true, feature: true, number: true, share: true, body: true } as const;

/**
 * Every feature's version 1 (Mirage's default prompt, published and active) for an organization that has
 * none yet: seeded on first use, so a new organization and one from before prompts were versioned alike.
 */
export async function ensureDefaultPrompts(tx: Tx, organizationId: string): Promise<void> {
  await tx.aiPromptVersion.createMany({
    data: promptFeatures.map((feature) => ({
      organizationId,
      feature,
      number: 1,
      status: "published" as const,
      body: defaultPrompts[feature],
      share: 100,
      publishedAt: new Date(),
    })),
    skipDuplicates: true,
  });
}

/** The versions answering a feature now: one, or two under A/B. */
export async function activePrompts(tx: Tx, organizationId: string, feature: PromptFeature): Promise<PromptRef[]> {
  const where = { organizationId, feature, status: "published" as const, share: { gt: 0 } };
  let rows = await tx.aiPromptVersion.findMany({ where, select, orderBy: { number: "asc" } });
  if (!rows.length) {
    await ensureDefaultPrompts(tx, organizationId);
    rows = await tx.aiPromptVersion.findMany({ where, select, orderBy: { number: "asc" } });
  }
  return rows.map((row) => ({ ...row, feature: row.feature as PromptFeature }));
}

/** The active version that answers this conversation: the same one every time for the same split. */
export function promptFor(active: readonly PromptRef[], conversationId: string | null): PromptRef {
  const [only] = active;
  if (!only) throw new Error("a feature always has an active prompt version");
  if (active.length === 1 || !conversationId) return only;
  return pickByShare(active, bucketOf(conversationId, only.feature)) ?? only;
}

/** The version for one call of a feature in a conversation (its own transaction). */
export async function resolvePrompt(
  organizationId: string,
  feature: PromptFeature,
  conversationId: string | null,
): Promise<PromptRef> {
  const active = await withOrganization(organizationId, (tx) => activePrompts(tx, organizationId, feature));
  return promptFor(active, conversationId);
}
