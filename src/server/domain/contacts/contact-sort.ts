import { Prisma } from "../../db/generated/client";
import type { ContactSort } from "../../../shared/schemas/contacts";

interface SortSpec {
  /** The sort key over `ct`; selected as text for the cursor. */
  key: Prisma.Sql;
  /** How the cursor's text is read back into the key's type. */
  cast: (text: string) => Prisma.Sql;
  descending: boolean;
}

/**
 * Keyset orders of the contact list. "lastInteraction" puts contacts never talked to last
 * (-infinity), "name" sorts by what the list shows, case-insensitively.
 */
export const contactSorts: Record<ContactSort, SortSpec> = {
  name: {
    key: Prisma.sql`lower(coalesce(ct.name, ct.push_name, ct.phone_e164, ''))`,
    cast: (text) => Prisma.sql`${text}::text`,
    descending: false,
  },
  createdAt: {
    key: Prisma.sql`ct.created_at`,
    cast: (text) => Prisma.sql`${text}::timestamptz`,
    descending: true,
  },
  lastInteraction: {
    key: Prisma.sql`coalesce(ct.last_interaction_at, '-infinity'::timestamptz)`,
    cast: (text) => Prisma.sql`${text}::timestamptz`,
    descending: true,
  },
};
