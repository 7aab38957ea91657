export interface OrganizationDto {
  id: string;
  name: string;
  timezone: string;
  locale: string;
}

export function toOrganizationDto(row: OrganizationDto): OrganizationDto {
  return { id: row.id, name: row.name, timezone: row.timezone, locale: row.locale };
}
