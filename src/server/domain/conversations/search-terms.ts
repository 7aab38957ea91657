import { Prisma } from "../../db/generated/client";

/** What a search box query means to the contact and message searches. */
export interface SearchTerms {
  /** The query as typed, for Portuguese full-text search (websearch syntax). */
  text: string;
  /** LIKE pattern over a contact's name, push name and phone (wildcards escaped). */
  pattern: string;
  /**
   * The query's digits when there are enough to be a phone fragment and they differ from the query
   * ("(11) 9876-5432"), else null: a query of digits alone is already the pattern.
   */
  digits: string | null;
}

export function searchTerms(query: string): SearchTerms {
  const digits = query.replace(/\D/g, "");
  return {
    text: query,
    pattern: `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    digits: digits.length >= 4 && digits !== query ? digits : null,
  };
}

/**
 * A contact (aliased `ct`) matches by name or push name (accents and case ignored) or by phone
 * fragment. Contact hits and the exclusion of their conversations from message hits share it, so a
 * conversation is listed once, in one place.
 */
export function contactMatchesSql(terms: SearchTerms): Prisma.Sql {
  const byName = Prisma.sql`ct.search_text LIKE lower(mirage_unaccent(${terms.pattern}))`;
  return terms.digits ? Prisma.sql`(${byName} OR ct.search_text LIKE ${`%${terms.digits}%`})` : byName;
}
