import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";
import type { saveKnowledgeEntryInput } from "../../../shared/schemas/ai-replies";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { knowledgeEntryOutput } from "./ai-replies-outputs";

export type KnowledgeEntryDto = z.infer<typeof knowledgeEntryOutput>;

const select = { id: true, kind: true, question: true, content: true, updatedAt: true } as const;

/** The organization's "treinamento", oldest first (the order people wrote it in). */
export function loadKnowledge(tx: Tx, organizationId: string): Promise<KnowledgeEntryDto[]> {
  return tx.aiKnowledgeEntry.findMany({ where: { organizationId }, select, orderBy: { createdAt: "asc" } });
}

export async function listKnowledgeEntries(actor: Actor): Promise<KnowledgeEntryDto[]> {
  return withOrganization(actor.organizationId, (tx) => loadKnowledge(tx, actor.organizationId));
}

/** Creates or updates an entry; saving the same text again changes nothing but the audit trail. */
export async function saveKnowledgeEntry(
  actor: Actor,
  input: z.infer<typeof saveKnowledgeEntryInput>,
): Promise<KnowledgeEntryDto> {
  const data = { kind: input.kind, question: input.kind === "qa" ? input.question : null, content: input.content };
  return withOrganization(actor.organizationId, async (tx) => {
    let entry: KnowledgeEntryDto;
    if (input.id) {
      const updated = await tx.aiKnowledgeEntry.updateManyAndReturn({
        where: { id: input.id, organizationId: actor.organizationId },
        data,
        select,
      });
      if (!updated[0]) throw new AppError("NOT_FOUND", "knowledgeEntryNotFound");
      entry = updated[0];
    } else {
      entry = await tx.aiKnowledgeEntry.create({ data: { organizationId: actor.organizationId, ...data }, select });
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: input.id ? "ai_knowledge.updated" : "ai_knowledge.created",
      targetType: "ai_knowledge_entry",
      targetId: entry.id,
      metadata: { kind: entry.kind },
    });
    return entry;
  });
}

/** Deleting an entry that is already gone is a no-op (and leaves no audit row). */
export async function deleteKnowledgeEntry(actor: Actor, input: { id: string }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const removed = await tx.aiKnowledgeEntry.deleteMany({
      where: { id: input.id, organizationId: actor.organizationId },
    });
    if (!removed.count) return;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "ai_knowledge.deleted",
      targetType: "ai_knowledge_entry",
      targetId: input.id,
    });
  });
}

/** The knowledge base as prompt context, numbered so the model can stay within it. */
export function knowledgeContext(entries: readonly KnowledgeEntryDto[]): string {
  if (!entries.length) return "(empty)";
  return entries
    .map((e, i) => (e.kind === "qa" ? `${i + 1}. Q: ${e.question}\n   A: ${e.content}` : `${i + 1}. ${e.content}`))
    .join("\n");
}
