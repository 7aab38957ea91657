import { randomBytes } from "node:crypto";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { listOptInForms } from "./list-opt-in-forms";
import type { optInFormOutput } from "./opt-in-form-outputs";
import type { z } from "../../../shared/zod";

/**
 * Creates or edits a public opt-in form. Changing the wording makes a new wording version: consents
 * already given keep the version (and text) they were given with.
 */
export async function saveOptInForm(
  actor: Actor,
  input: { formId?: string; instanceId: string; campaignId?: string | null; wording: string; active: boolean },
): Promise<z.infer<typeof optInFormOutput>> {
  requireRole(actor, "admin");
  const { organizationId } = actor;
  const id = await withOrganization(organizationId, async (tx) => {
    const instance = await tx.instance.findFirst({
      where: { id: input.instanceId, organizationId },
      select: { id: true },
    });
    if (!instance)
      throw new AppError("VALIDATION", "optInInstanceNotFound", {
        fieldErrors: { instanceId: [{ reason: "optInInstanceNotFound" }] },
      });
    if (input.campaignId) {
      const campaign = await tx.campaign.findFirst({
        where: { id: input.campaignId, organizationId },
        select: { id: true },
      });
      if (!campaign) throw new AppError("NOT_FOUND", "campaignNotFound");
    }
    const existing = input.formId
      ? await tx.optInForm.findFirst({ where: { id: input.formId, organizationId } })
      : null;
    if (input.formId && !existing) throw new AppError("NOT_FOUND", "optInFormNotFound");
    const data = {
      instanceId: input.instanceId,
      campaignId: input.campaignId ?? null,
      wording: input.wording,
      active: input.active,
    };
    const row = existing
      ? await tx.optInForm.update({
          where: { id: existing.id },
          data: {
            ...data,
            wordingVersion: existing.wording === input.wording ? existing.wordingVersion : existing.wordingVersion + 1,
          },
        })
      : await tx.optInForm.create({ data: { ...data, organizationId, token: randomBytes(12).toString("base64url") } });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: existing ? "consent.opt_in_form_updated" : "consent.opt_in_form_created",
      targetType: "opt_in_form",
      targetId: row.id,
      metadata: { wordingVersion: row.wordingVersion, active: row.active, campaignId: row.campaignId },
    });
    return row.id;
  });
  const forms = await listOptInForms(actor);
  return forms.find((form) => form.id === id)!;
}
