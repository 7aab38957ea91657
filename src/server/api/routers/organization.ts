import { updateOrganizationInput } from "../../../shared/schemas/organization";
import { getOrganization } from "../../domain/organizations/get-organization";
import { listMyOrganizations } from "../../domain/organizations/list-my-organizations";
import { updateOrganization } from "../../domain/organizations/update-organization";
import { adminProcedure, authenticatedProcedure, organizationProcedure, router } from "../trpc";
import {
  getOrganizationOutput,
  listMyOrganizationsOutput,
  updateOrganizationOutput,
} from "../../domain/organizations/organization-outputs";

export const organizationRouter = router({
  current: organizationProcedure.output(getOrganizationOutput).query(({ ctx }) => getOrganization(ctx.actor)),
  mine: authenticatedProcedure
    .output(listMyOrganizationsOutput)
    .query(({ ctx }) => listMyOrganizations(ctx.identity.userId)),
  update: adminProcedure
    .input(updateOrganizationInput)
    .output(updateOrganizationOutput)
    .mutation(({ ctx, input }) => updateOrganization(ctx.actor, input)),
});
