import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { toOrganizationDto, type OrganizationDto } from "./organization-dto";

export async function getOrganization(actor: Pick<Actor, "organizationId">): Promise<OrganizationDto> {
  const row = await withOrganization(actor.organizationId, (tx) =>
    tx.organization.findUnique({ where: { id: actor.organizationId } }),
  );
  if (!row) throw new AppError("NOT_FOUND", "organizationNotFound");
  return toOrganizationDto(row);
}
