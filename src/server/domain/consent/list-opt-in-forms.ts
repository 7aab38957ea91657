import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import type { optInFormOutput } from "./opt-in-form-outputs";

/** The organization's public opt-in forms, with how many people confirmed or are yet to. */
export async function listOptInForms(actor: Actor): Promise<z.infer<typeof optInFormOutput>[]> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, async (tx) => {
    const forms = await tx.optInForm.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { createdAt: "asc" },
    });
    const counts = await tx.optInRequest.groupBy({
      by: ["formId", "status"],
      where: { organizationId: actor.organizationId },
      _count: { _all: true },
    });
    const count = (formId: string, status: string) =>
      counts.find((c) => c.formId === formId && c.status === status)?._count._all ?? 0;
    return forms.map((form) => ({
      id: form.id,
      token: form.token,
      instanceId: form.instanceId,
      campaignId: form.campaignId,
      wording: form.wording,
      wordingVersion: form.wordingVersion,
      active: form.active,
      confirmed: count(form.id, "confirmed"),
      pending: count(form.id, "pending"),
    }));
  });
}
