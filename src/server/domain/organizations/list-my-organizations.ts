import { withUser } from "../../db/tenant";
import type { listMyOrganizationsOutput } from "./organization-outputs";
import type { z } from "../../../shared/zod";

export type MyOrganizationDto = z.infer<typeof listMyOrganizationsOutput>[number];

/** The organizations a person belongs to, for the organization switcher and sign-in. */
export async function listMyOrganizations(userId: string): Promise<MyOrganizationDto[]> {
  const rows = await withUser(userId, (tx) =>
    tx.membership.findMany({
      where: { userId },
      include: { organization: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  );
  return rows.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role }));
}
