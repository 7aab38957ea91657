import { beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import type { SearchCursor } from "~/shared/schemas/inbox";
import { inboxFixture } from "../support/inbox-pipeline";

type Fixture = Awaited<ReturnType<typeof inboxFixture>>;

/**
 * An inbox shaped so that bounded search has to widen: 12,000 filler messages over 100 days (the
 * first window holds the newest 2,000, about 17 days) and a sparse tail back to 400 days; hits for
 * "devolução" in 30 conversations over the newest 20 days, then single hits at 25, 45, 75, 95 and 350
 * days (older than the first window: found by widened full-text windows and the exhaustive pass),
 * older repeat hits in conversations already listed, and a revoked hit that must not count.
 */
async function seed(fixture: Fixture) {
  await withOrganization(fixture.org.organizationId, async (tx) => {
    const org = fixture.org.organizationId;
    const instance = fixture.instanceId;
    await tx.$executeRaw`
      INSERT INTO contacts (id, organization_id, name, phone_e164, created_at, updated_at)
      SELECT uuidv7(), ${org}::uuid, CASE WHEN n = 5 THEN 'Cláudia Devolução' ELSE 'Pessoa ' || n END,
        '+55119770' || lpad(n::text, 5, '0'), now(), now()
      FROM generate_series(0, 39) n`;
    await tx.$executeRaw`
      INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_address, contact_id, status,
        unread_count, last_activity_at, created_at, updated_at)
      SELECT uuidv7(), ${org}::uuid, ${instance}::uuid, 'direct', ct.id::text, substr(ct.phone_e164, 2) || '@s.whatsapp.net',
        ct.id, 'open', 0, now(), now(), now()
      FROM contacts ct`;
    const insertMessages = (select: string) =>
      tx.$executeRawUnsafe(
        `INSERT INTO messages (id, organization_id, instance_id, conversation_id, direction, type, body, status,
           sent_at, revoked_at, created_at, updated_at)
         SELECT uuidv7(), c.organization_id, c.instance_id, c.id, 'inbound', 'text', x.body, 'received',
           x.sent_at, x.revoked_at, x.sent_at, x.sent_at
         FROM (${select}) x JOIN contacts ct ON ct.name = 'Pessoa ' || x.n OR (x.n = 5 AND ct.name = 'Cláudia Devolução')
         JOIN conversations c ON c.contact_id = ct.id`,
      );
    await insertMessages(
      `SELECT g % 40 AS n, 'bom dia, tudo certo por aqui' AS body, now() - g * interval '12 minutes' AS sent_at,
         NULL::timestamptz AS revoked_at FROM generate_series(1, 12000) g
       UNION ALL
       SELECT g % 40, 'obrigado pelo retorno', now() - interval '100 days' - g * interval '3 days', NULL
       FROM generate_series(1, 100) g`,
    );
    await insertMessages(
      `SELECT k AS n, CASE WHEN k % 3 = 0 THEN 'DEVOLUÇÃO do pedido, por favor' ELSE 'Quero a devolução do pedido' END AS body,
         now() - k * interval '17 hours' - interval '7 minutes' AS sent_at, NULL::timestamptz AS revoked_at
       FROM generate_series(0, 29) k
       UNION ALL
       SELECT n, 'a devolução ainda não chegou', now() - d * interval '1 day', NULL
       FROM (VALUES (31, 25), (32, 45), (33, 75), (34, 95), (35, 350), (3, 30), (4, 90), (7, 200)) v(n, d)
       UNION ALL
       SELECT 36, 'devolução (mensagem apagada)', now() - interval '2 days', now()`,
    );
    await tx.$executeRaw`
      UPDATE conversations c SET last_activity_at = m.at
      FROM (SELECT conversation_id, max(sent_at) AS at FROM messages GROUP BY conversation_id) m
      WHERE m.conversation_id = c.id`;
  });
}

/**
 * What an exhaustive search returns, written differently from the bounded one: contact hits by
 * activity, then every other conversation with a live hit, by its newest hit.
 */
async function exhaustive(fixture: Fixture, query: string): Promise<string[]> {
  return withOrganization(fixture.org.organizationId, async (tx) => {
    const digits = query.replace(/\D/g, "");
    const pattern = `%${query.toLowerCase()}%`;
    const byContact = await tx.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
      WHERE ct.search_text LIKE lower(mirage_unaccent(${pattern}))
         OR (${digits.length >= 4} AND ct.phone_e164 LIKE ${`%${digits}%`})
      ORDER BY c.last_activity_at DESC, c.id DESC`;
    const byMessage = await tx.$queryRaw<{ id: string }[]>`
      SELECT conversation_id AS id FROM messages
      WHERE search_vector @@ websearch_to_tsquery('mirage_portuguese', ${query}) AND revoked_at IS NULL
      GROUP BY conversation_id ORDER BY max(sent_at) DESC`;
    const contacts = byContact.map((row) => row.id);
    return [...contacts, ...byMessage.map((row) => row.id).filter((id) => !contacts.includes(id))];
  });
}

async function allPages(fixture: Fixture, query: string, limit: number) {
  const pages: { ids: string[]; snippets: (string | undefined)[] }[] = [];
  let cursor: SearchCursor | null = null;
  do {
    const page: Awaited<ReturnType<Fixture["owner"]["conversations"]["search"]>> =
      await fixture.owner.conversations.search({ query, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    pages.push({ ids: page.items.map((c) => c.id), snippets: page.items.map((c) => c.snippet) });
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return pages;
}

describe("inbox: bounded search", () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await inboxFixture();
    await seed(fixture);
  });

  it("pages through common words exactly as an exhaustive search would, old hits and accents included", async () => {
    const expected = await exhaustive(fixture, "devolucao");
    // 30 recent conversations + 5 old single hits, none twice, the revoked one left out.
    expect(expected).toHaveLength(35);
    const titles = await withOrganization(fixture.org.organizationId, async (tx) =>
      Object.fromEntries(
        (await tx.conversation.findMany({ include: { contact: true } })).map((c) => [c.id, c.contact!.name]),
      ),
    );
    expect(titles[expected[0]!]).toBe("Cláudia Devolução");
    expect(titles[expected.at(-1)!]).toBe("Pessoa 35");
    for (const limit of [1, 6, 20, 50]) {
      const pages = await allPages(fixture, "devolucao", limit);
      expect(pages.flatMap((p) => p.ids)).toEqual(expected);
      expect(pages.slice(0, -1).every((p) => p.ids.length === limit)).toBe(true);
    }
    // Message hits carry their newest matching text; the contact hit carries none.
    const [first, second] = (await allPages(fixture, "DEVOLUÇÃO", 6))[0]!.snippets;
    expect(first).toBeUndefined();
    expect(second).toBe("DEVOLUÇÃO do pedido, por favor");
  });

  it("finds phone fragments and names by keyset pages, and nothing for unknown words", async () => {
    for (const [query, count] of [
      ["7700001", 10],
      ["(11) 97700-0002", 1],
      ["pessoa 1", 11],
      ["devolução pedido", 30],
    ] as const) {
      const expected = await exhaustive(fixture, query);
      expect(expected).toHaveLength(count);
      expect((await allPages(fixture, query, 3)).flatMap((p) => p.ids)).toEqual(expected);
    }
    expect(await fixture.owner.conversations.search({ query: "xyzzy", limit: 5 })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("a page that ends exactly where the contact hits end continues with the message hits", async () => {
    const expected = await exhaustive(fixture, "devolucao");
    const first = await fixture.owner.conversations.search({ query: "devolucao", limit: 1 });
    expect(first.nextCursor).toEqual({ phase: "messages", before: null });
    const second = await fixture.owner.conversations.search({ query: "devolucao", limit: 1, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(expected.slice(0, 2));
  });
});

describe("inbox: bounded contact search", () => {
  it("pages a name that is uncommon among recent conversations exactly as an exhaustive search would", async () => {
    // 3,000 conversations, one a minute; every 97th contact is a "Rosa": about 1% of the most recent
    // 1,000, so contact hits go from the recent window to one sized by the hit rate, then to every match.
    const fixture = await inboxFixture();
    await withOrganization(fixture.org.organizationId, async (tx) => {
      await tx.$executeRaw`
        INSERT INTO contacts (id, organization_id, name, phone_e164, created_at, updated_at)
        SELECT uuidv7(), ${fixture.org.organizationId}::uuid,
          CASE WHEN n % 97 = 0 THEN 'Rosa ' || n ELSE 'Cliente ' || n END, '+55119' || lpad(n::text, 8, '0'), now(), now()
        FROM generate_series(0, 2999) n`;
      await tx.$executeRaw`
        INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_address, contact_id, status,
          unread_count, last_activity_at, created_at, updated_at)
        SELECT uuidv7(), ct.organization_id, ${fixture.instanceId}::uuid, 'direct', ct.id::text,
          substr(ct.phone_e164, 2) || '@s.whatsapp.net', ct.id, 'open', 0,
          now() - substr(ct.phone_e164, 7)::int * interval '1 minute', now(), now()
        FROM contacts ct`;
    });
    const expected = await exhaustive(fixture, "rosa");
    expect(expected).toHaveLength(31);
    for (const limit of [7, 20]) {
      expect((await allPages(fixture, "rosa", limit)).flatMap((p) => p.ids)).toEqual(expected);
    }
  });
});
