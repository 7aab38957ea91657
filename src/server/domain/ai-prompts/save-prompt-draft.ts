import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { savePromptDraftInput } from "../../../shared/schemas/ai-prompts";
import type { z } from "../../../shared/zod";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { ensureDefaultPrompts } from "./active-prompts";
import { promptVersionSelect, toPromptVersionDto, type PromptVersionDto } from "./prompt-version-dto";
import { checkPromptBody } from "./check-prompt-body";

/**
 * Creates the feature's next version as a draft, or updates a draft (published versions are frozen).
 * The body's {{variables}} are checked against what the feature fills in.
 */
export async function savePromptDraft(
  actor: Actor,
  input: z.infer<typeof savePromptDraftInput>,
): Promise<PromptVersionDto> {
  checkPromptBody(input.feature, input.body);
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    await ensureDefaultPrompts(tx, organizationId);
    let row;
    if (input.id) {
      const [updated] = await tx.aiPromptVersion.updateManyAndReturn({
        where: { id: input.id, organizationId, feature: input.feature, status: "draft" },
        data: { body: input.body },
        select: { id: true },
      });
      if (!updated) throw new AppError("NOT_FOUND", "aiPromptDraftNotFound");
      row = await tx.aiPromptVersion.findUniqueOrThrow({ where: { id: updated.id }, select: promptVersionSelect });
    } else {
      // Numbers are per organization and feature: two drafts saved at once take turns for the next one.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ai_prompt:${organizationId}:${input.feature}`}))`;
      const last = await tx.aiPromptVersion.aggregate({
        where: { organizationId, feature: input.feature },
        _max: { number: true },
      });
      row = await tx.aiPromptVersion.create({
        data: {
          organizationId,
          feature: input.feature,
          number: (last._max.number ?? 0) + 1,
          body: input.body,
          createdByUserId: actor.userId,
        },
        select: promptVersionSelect,
      });
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: input.id ? "ai_prompt.draft_updated" : "ai_prompt.draft_created",
      targetType: "ai_prompt_version",
      targetId: row.id,
      metadata: { feature: input.feature, number: row.number },
    });
    return toPromptVersionDto(row);
  });
}
