import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { findPromptVersion, toPromptVersionDto, type PromptVersionDto } from "./prompt-version-dto";

/** A version of the actor's organization, locked for the change (NOT_FOUND for another's). */
export async function lockPromptVersion(tx: Tx, organizationId: string, id: string) {
  await tx.$queryRaw`SELECT id FROM ai_prompt_versions WHERE id = ${id}::uuid FOR UPDATE`;
  const version = await findPromptVersion(tx, organizationId, id);
  if (!version) throw new AppError("NOT_FOUND", "aiPromptVersionNotFound");
  return version;
}

/**
 * Makes exactly these versions of a feature answer, with these shares of conversations (summing to 100);
 * every other version of the feature stops answering. Audited with what answered before.
 */
export async function setActiveShares(
  tx: Tx,
  actor: Actor,
  change: { feature: string; shares: { id: string; share: number }[]; action: string },
): Promise<PromptVersionDto[]> {
  const { organizationId } = actor;
  const before = await tx.aiPromptVersion.findMany({
    where: { organizationId, feature: change.feature, share: { gt: 0 } },
    select: { number: true, share: true },
    orderBy: { number: "asc" },
  });
  await tx.aiPromptVersion.updateMany({
    where: { organizationId, feature: change.feature, share: { gt: 0 } },
    data: { share: 0 },
  });
  const now = new Date();
  const after: PromptVersionDto[] = [];
  for (const { id, share } of change.shares) {
    const row = await tx.aiPromptVersion.update({
      where: { id },
      data: { share, status: "published" },
      select: { publishedAt: true },
    });
    if (!row.publishedAt) await tx.aiPromptVersion.update({ where: { id }, data: { publishedAt: now } });
    after.push(toPromptVersionDto((await findPromptVersion(tx, organizationId, id))!));
  }
  await recordAudit(tx, {
    organizationId,
    actorUserId: actor.userId,
    action: change.action,
    targetType: "ai_prompt_version",
    targetId: change.shares[0]?.id,
    metadata: {
      feature: change.feature,
      before,
      after: after.map((version) => ({ number: version.number, share: version.share })),
    },
  });
  return after;
}

/**
 * Makes one version answer every conversation of its feature: a draft being published (`publish`), or an
 * earlier published one again (`rollback`, also how an A/B ends).
 */
export async function makeSoleActive(
  actor: Actor,
  input: { id: string; kind: "publish" | "rollback" },
): Promise<PromptVersionDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const version = await lockPromptVersion(tx, actor.organizationId, input.id);
    if (input.kind === "publish" && version.status !== "draft")
      throw new AppError("CONFLICT", "aiPromptAlreadyPublished");
    if (input.kind === "rollback" && version.status !== "published")
      throw new AppError("CONFLICT", "aiPromptNotPublished");
    const [active] = await setActiveShares(tx, actor, {
      feature: version.feature,
      shares: [{ id: version.id, share: 100 }],
      action: input.kind === "publish" ? "ai_prompt.published" : "ai_prompt.rolled_back",
    });
    return active!;
  });
}
