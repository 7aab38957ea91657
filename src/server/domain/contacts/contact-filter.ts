import { Prisma } from "../../db/generated/client";
import type { ContactFilter } from "../../../shared/schemas/contacts";
import { canonicalPhone } from "./phone-identity";

const SQL_ALIAS = /^[a-z_][a-z0-9_]*$/;

/**
 * The WHERE condition (without "WHERE") selecting an organization's contacts that match `filter`,
 * over `contacts` aliased as `alias` (default `ct`). The contact list, its count, the CSV export and
 * campaign audiences share it, so "these contacts" means the same thing everywhere:
 *
 *   SELECT ct.id FROM contacts ct WHERE ${contactFilterSql(filter, { organizationId })}
 *
 * Run it inside `withOrganization` (Row-Level Security applies as well).
 */
export function contactFilterSql(
  filter: ContactFilter,
  options: { organizationId: string; alias?: string },
): Prisma.Sql {
  const alias = options.alias ?? "ct";
  if (!SQL_ALIAS.test(alias)) throw new Error(`Invalid SQL alias ${JSON.stringify(alias)}`);
  const c = Prisma.raw(alias);
  const conditions: Prisma.Sql[] = [Prisma.sql`${c}.organization_id = ${options.organizationId}::uuid`];

  const search = filter.search?.trim();
  if (search) conditions.push(searchCondition(c, search));

  const tagIds = [...new Set(filter.tagIds ?? [])];
  if (tagIds.length && filter.tagMode === "all")
    conditions.push(
      Prisma.sql`(SELECT count(*) FROM contact_tags t WHERE t.contact_id = ${c}.id AND t.tag_id = ANY(${tagIds}::uuid[])) = ${tagIds.length}`,
    );
  else if (tagIds.length)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = ${c}.id AND t.tag_id = ANY(${tagIds}::uuid[]))`,
    );

  if (filter.consent?.length)
    conditions.push(Prisma.sql`${c}.consent_status = ANY(${[...new Set(filter.consent)]}::"ConsentStatus"[])`);

  if (filter.instanceId)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM conversations cv WHERE cv.contact_id = ${c}.id AND cv.instance_id = ${filter.instanceId}::uuid)`,
    );

  if (filter.neverInteracted) conditions.push(Prisma.sql`${c}.last_interaction_at IS NULL`);
  if (filter.interactedAfter)
    conditions.push(Prisma.sql`${c}.last_interaction_at >= ${new Date(filter.interactedAfter)}`);
  if (filter.interactedBefore)
    conditions.push(Prisma.sql`${c}.last_interaction_at < ${new Date(filter.interactedBefore)}`);

  if (filter.blocked === true) conditions.push(Prisma.sql`${c}.blocked_at IS NOT NULL`);
  if (filter.blocked === false) conditions.push(Prisma.sql`${c}.blocked_at IS NULL`);

  return Prisma.join(conditions, " AND ");
}

/** Trigram-indexed text (name, WhatsApp name, phone), phone digits anywhere, or the exact canonical number. */
function searchCondition(c: Prisma.Sql, search: string): Prisma.Sql {
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const alternatives = [Prisma.sql`${c}.search_text LIKE lower(mirage_unaccent(${pattern}))`];
  const digits = search.replace(/\D/g, "");
  if (digits.length >= 4) alternatives.push(Prisma.sql`${c}.phone_e164 LIKE ${`%${digits}%`}`);
  // "(31) 9999-8888" (no 9th digit) finds +5531999998888.
  const canonical = digits.length >= 8 ? canonicalPhone(search) : null;
  if (canonical) alternatives.push(Prisma.sql`${c}.phone_e164 = ${canonical.e164}`);
  return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}
