import { z } from "../../../shared/zod";
import { memberRoleSchema } from "../../../shared/schemas/members";

export const organizationOutput = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  locale: z.string(),
});

export const getOrganizationOutput = organizationOutput;
export const updateOrganizationOutput = organizationOutput;

export const listMyOrganizationsOutput = z.array(
  z.object({ id: z.string(), name: z.string(), role: memberRoleSchema }),
);
