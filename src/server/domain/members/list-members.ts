import { withOrganization } from "../../db/tenant";
import type { Actor } from "./actor";
import { toMemberDto, type MemberDto } from "./member-dto";

export async function listMembers(actor: Actor): Promise<MemberDto[]> {
  const rows = await withOrganization(actor.organizationId, (tx) =>
    tx.membership.findMany({
      where: { organizationId: actor.organizationId },
      include: { user: { select: { id: true, name: true, email: true, disabledAt: true } } },
      orderBy: [{ role: "desc" }, { createdAt: "asc" }],
    }),
  );
  return rows.map(toMemberDto);
}
