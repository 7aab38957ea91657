import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { RequestProfileInput } from "../../../shared/schemas/profiling";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";

/**
 * Queues a CPU profile or heap snapshot of a web or worker process: platform admins only, since a
 * process holds every organization's data in memory. The same request still waiting is answered again
 * (a double click makes one profile, not two).
 */
export async function requestProfile(actor: Actor, input: RequestProfileInput): Promise<{ profileId: string }> {
  if (!(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  const durationSeconds = input.kind === "cpu" ? input.durationSeconds : null;
  return withOrganization(
    actor.organizationId,
    async (tx) => {
      const waiting = await tx.processProfile.findFirst({
        where: { target: input.target, kind: input.kind, durationSeconds, state: "pending" },
        select: { id: true },
      });
      if (waiting) return { profileId: waiting.id };
      const profile = await tx.processProfile.create({
        data: {
          target: input.target,
          kind: input.kind,
          durationSeconds,
          requestedByUserId: actor.userId,
          organizationId: actor.organizationId,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "profile.requested",
        targetType: "process_profile",
        targetId: profile.id,
        metadata: { target: input.target, kind: input.kind, durationSeconds },
      });
      return { profileId: profile.id };
    },
    { platform: true },
  );
}
