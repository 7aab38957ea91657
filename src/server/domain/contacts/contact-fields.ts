import { Prisma } from "../../db/generated/client";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { ContactFieldTypeValue } from "../../../shared/schemas/contacts";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { contactFieldOutput } from "./contact-outputs";
import type { z } from "../../../shared/zod";

export type ContactFieldDto = z.infer<typeof contactFieldOutput>;

const fieldSelect = { id: true, key: true, label: true, type: true } as const;

/** The organization's custom contact fields, in the order they were created. */
export async function listContactFields(actor: Actor): Promise<ContactFieldDto[]> {
  return withOrganization(actor.organizationId, (tx) =>
    tx.contactField.findMany({
      where: { organizationId: actor.organizationId },
      select: fieldSelect,
      orderBy: { createdAt: "asc" },
    }),
  );
}

export async function createContactField(
  actor: Actor,
  input: { key: string; label: string; type: ContactFieldTypeValue },
): Promise<ContactFieldDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const existing = await tx.contactField.findFirst({
      where: { organizationId: actor.organizationId, key: input.key },
    });
    if (existing)
      throw new AppError("CONFLICT", "fieldKeyTaken", {
        fieldErrors: { key: [{ reason: "fieldKeyTaken" }] },
      });
    const field = await tx.contactField.create({
      data: { organizationId: actor.organizationId, key: input.key, label: input.label, type: input.type },
      select: fieldSelect,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "contact_field.created",
      targetType: "contact_field",
      targetId: field.id,
      metadata: { key: field.key, type: field.type },
    });
    return field;
  });
}

/** Removes a field and its values from every contact (the values have no meaning without it). */
export async function deleteContactField(actor: Actor, input: { id: string }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const field = await tx.contactField.findFirst({
      where: { id: input.id, organizationId: actor.organizationId },
      select: fieldSelect,
    });
    if (!field) throw new AppError("NOT_FOUND", "fieldNotFound");
    await tx.contactField.delete({ where: { id: field.id } });
    const cleared = await tx.$executeRaw(Prisma.sql`
      UPDATE contacts SET custom_fields = custom_fields - ${field.key}, updated_at = now()
      WHERE organization_id = ${actor.organizationId}::uuid AND custom_fields ? ${field.key}`);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "contact_field.deleted",
      targetType: "contact_field",
      targetId: field.id,
      metadata: { key: field.key, label: field.label, contactsCleared: cleared },
    });
  });
}
