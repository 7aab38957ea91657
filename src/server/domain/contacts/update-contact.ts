import type { Prisma } from "../../db/client";
import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import type { FieldErrors } from "../../../shared/errors";
import type { z } from "../../../shared/zod";
import type { updateContactInput } from "../../../shared/schemas/contacts";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { customFieldsOf, parseCustomFieldValue } from "./custom-field-value";
import { loadContact } from "./load-contact";

/** Edits the team's name, custom field values (checked against each field's type) and the tag set. */
export async function updateContact(
  actor: Actor,
  input: z.infer<typeof updateContactInput>,
): Promise<{ contactId: string }> {
  return withOrganization(actor.organizationId, async (tx) => {
    const contact = await loadContact(tx, actor.organizationId, input.contactId);
    const data: Prisma.ContactUpdateInput = {};
    const changed: string[] = [];
    if (input.name !== undefined && (input.name || null) !== contact.name) {
      data.name = input.name || null;
      changed.push("name");
    }
    if (input.customFields && Object.keys(input.customFields).length) {
      const current = customFieldsOf(contact);
      const merged = await mergeCustomFields(tx, actor.organizationId, current, input.customFields);
      if (JSON.stringify(merged) !== JSON.stringify(current)) {
        data.customFields = merged;
        changed.push("customFields");
      }
    }
    if (Object.keys(data).length) await tx.contact.update({ where: { id: contact.id }, data });
    if (input.tagIds && (await replaceTags(tx, actor.organizationId, contact.id, input.tagIds))) changed.push("tags");
    if (changed.length)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "contact.updated",
        targetType: "contact",
        targetId: contact.id,
        metadata: { changed },
      });
    return { contactId: contact.id };
  });
}

async function mergeCustomFields(
  tx: Tx,
  organizationId: string,
  current: Record<string, string | number>,
  values: Record<string, string | null>,
): Promise<Record<string, string | number>> {
  const fields = await tx.contactField.findMany({ where: { organizationId }, select: { key: true, type: true } });
  const types = new Map(fields.map((f) => [f.key, f.type]));
  const errors: FieldErrors = {};
  const merged = { ...current };
  for (const [key, raw] of Object.entries(values)) {
    const type = types.get(key);
    if (!type) {
      errors[`customFields.${key}`] = [{ reason: "customFieldUnknown" }];
      continue;
    }
    const parsed = parseCustomFieldValue(type, raw);
    if (!parsed.ok) errors[`customFields.${key}`] = [parsed.issue];
    else if (parsed.value === null) delete merged[key];
    else merged[key] = parsed.value;
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "checkFields", { fieldErrors: errors });
  return merged;
}

/** Makes the contact's tags exactly `tagIds`; true when something changed. */
async function replaceTags(tx: Tx, organizationId: string, contactId: string, tagIds: string[]): Promise<boolean> {
  const wanted = [...new Set(tagIds)];
  const found = await tx.tag.count({ where: { organizationId, id: { in: wanted } } });
  if (found !== wanted.length) throw new AppError("NOT_FOUND", "tagNotFound");
  const removed = await tx.contactTag.deleteMany({ where: { contactId, tagId: { notIn: wanted } } });
  const added = await tx.contactTag.createMany({
    data: wanted.map((tagId) => ({ contactId, tagId, organizationId })),
    skipDuplicates: true,
  });
  return removed.count + added.count > 0;
}
