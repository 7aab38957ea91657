import { withOrganization } from "../../../db/tenant";
import { tagColors } from "../../../../shared/schemas/inbox";
import { recordAudit } from "../../audit/record-audit";

const tagKey = (name: string) => name.toLocaleLowerCase("pt-BR");

/** A stable colour per name, so re-running an import never recolours anything. */
function colorOf(name: string): string {
  let hash = 0;
  for (const char of tagKey(name)) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return tagColors[hash % tagColors.length]!;
}

/**
 * The ids of the tags an import puts on contacts (matched case-insensitively to existing tags),
 * creating the missing ones (audited). Idempotent: a second run finds them all.
 */
export async function ensureImportTags(
  organizationId: string,
  names: Iterable<string>,
  actorUserId: string | null,
): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const name of names) if (!wanted.has(tagKey(name))) wanted.set(tagKey(name), name);
  return withOrganization(organizationId, async (tx) => {
    const load = async () =>
      new Map(
        (await tx.tag.findMany({ where: { organizationId }, select: { id: true, name: true } })).map((tag) => [
          tagKey(tag.name),
          tag.id,
        ]),
      );
    let ids = await load();
    const missing = [...wanted].filter(([key]) => !ids.has(key)).map(([, name]) => name);
    if (missing.length === 0) return ids;
    const created = await tx.tag.createManyAndReturn({
      data: missing.map((name) => ({ organizationId, name, color: colorOf(name) })),
      skipDuplicates: true,
      select: { id: true, name: true },
    });
    for (const tag of created)
      await recordAudit(tx, {
        organizationId,
        actorUserId,
        action: "tag.created",
        targetType: "tag",
        targetId: tag.id,
        metadata: { name: tag.name, source: "contacts.import" },
      });
    ids = await load();
    return ids;
  });
}

export { tagKey };
