import { z } from "zod";
import { updateOrganizationInput } from "../../../shared/schemas/organization";
import { getOrganization } from "../../domain/organizations/get-organization";
import { listMyOrganizations } from "../../domain/organizations/list-my-organizations";
import { updateOrganization } from "../../domain/organizations/update-organization";
import { adminProcedure, authenticatedProcedure, organizationProcedure, router } from "../trpc";

const organizationOutput = z.object({ id: z.string(), name: z.string(), timezone: z.string(), locale: z.string() });

export const organizationRouter = router({
  current: organizationProcedure.output(organizationOutput).query(({ ctx }) => getOrganization(ctx.actor)),
  mine: authenticatedProcedure
    .output(z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(["owner", "admin", "agent"]) })))
    .query(({ ctx }) => listMyOrganizations(ctx.identity.userId)),
  update: adminProcedure
    .input(updateOrganizationInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => updateOrganization(ctx.actor, input)),
});
