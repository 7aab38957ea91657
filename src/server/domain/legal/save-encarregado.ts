import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";

/** The encarregado (DPO) the privacy policy publishes (ANPD Res. 18/2024). */
export async function saveEncarregado(
  actor: Actor,
  input: { name: string; email: string },
): Promise<{ name: string | null; email: string | null }> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, async (tx) => {
    const row = await tx.organization.update({
      where: { id: actor.organizationId },
      data: { dpoName: input.name, dpoEmail: input.email },
      select: { dpoName: true, dpoEmail: true },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "legal.encarregado_saved",
      targetType: "organization",
      targetId: actor.organizationId,
      metadata: { name: input.name, email: input.email },
    });
    return { name: row.dpoName, email: row.dpoEmail };
  });
}

export async function getEncarregado(actor: Actor): Promise<{ name: string | null; email: string | null }> {
  requireRole(actor, "admin");
  const row = await withOrganization(actor.organizationId, (tx) =>
    tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { dpoName: true, dpoEmail: true },
    }),
  );
  return { name: row.dpoName, email: row.dpoEmail };
}
