import { diffWordsWithSpace } from "diff";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import type { promptDiffOutput } from "./ai-prompts-outputs";

/** What changed from one version's text to another's, word by word (the `diff` package). */
export async function diffPromptVersions(
  actor: Actor,
  input: { fromId: string; toId: string },
): Promise<z.infer<typeof promptDiffOutput>> {
  const rows = await withOrganization(actor.organizationId, (tx) =>
    tx.aiPromptVersion.findMany({
      where: { organizationId: actor.organizationId, id: { in: [input.fromId, input.toId] } },
      select: { id: true, body: true },
    }),
  );
  const from = rows.find((row) => row.id === input.fromId);
  const to = rows.find((row) => row.id === input.toId);
  if (!from || !to) throw new AppError("NOT_FOUND", "aiPromptVersionNotFound");
  return diffWordsWithSpace(from.body, to.body).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
