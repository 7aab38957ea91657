import type { z } from "../../../shared/zod";
import type { organizationOutput } from "./organization-outputs";

export type OrganizationDto = z.infer<typeof organizationOutput>;

export function toOrganizationDto(row: OrganizationDto): OrganizationDto {
  return { id: row.id, name: row.name, timezone: row.timezone, locale: row.locale };
}
