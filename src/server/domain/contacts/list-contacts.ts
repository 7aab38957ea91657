import { Prisma } from "../../db/generated/client";
import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { listContactsInput } from "../../../shared/schemas/contacts";
import type { Actor } from "../members/actor";
import { contactFilterSql } from "./contact-filter";
import { contactListItems } from "./contact-dto";
import { contactSorts } from "./contact-sort";
import type { listContactsOutput } from "./contact-outputs";

export type ContactPage = z.infer<typeof listContactsOutput>;

/** The contact list by keyset (sort key, id): a deep page costs what the first one does. */
export async function listContacts(actor: Actor, input: z.input<typeof listContactsInput>): Promise<ContactPage> {
  const sort = contactSorts[input.sort ?? "lastInteraction"];
  const limit = input.limit ?? 50;
  return withOrganization(actor.organizationId, async (tx) => {
    const conditions = [contactFilterSql(input.filter ?? {}, { organizationId: actor.organizationId })];
    if (input.cursor) {
      const after = Prisma.sql`(${sort.cast(input.cursor.key)}, ${input.cursor.id}::uuid)`;
      conditions.push(
        sort.descending ? Prisma.sql`(${sort.key}, ct.id) < ${after}` : Prisma.sql`(${sort.key}, ct.id) > ${after}`,
      );
    }
    const direction = Prisma.raw(sort.descending ? "DESC" : "ASC");
    const rows = await tx.$queryRaw<{ id: string; sort_key: string }[]>`
      SELECT ct.id, (${sort.key})::text AS sort_key FROM contacts ct
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${sort.key} ${direction}, ct.id ${direction}
      LIMIT ${limit + 1}`;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await contactListItems(
        tx,
        page.map((row) => row.id),
      ),
      nextCursor: rows.length > limit && last ? { key: last.sort_key, id: last.id } : null,
    };
  });
}
