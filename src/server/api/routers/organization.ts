import { updateOrganizationInput } from "../../../shared/schemas/organization";
import { getOrganization } from "../../domain/organizations/get-organization";
import { listMyOrganizations } from "../../domain/organizations/list-my-organizations";
import { updateOrganization } from "../../domain/organizations/update-organization";
import { getBusinessHours, updateBusinessHours } from "../../domain/organizations/update-business-hours";
import { businessHoursSchema } from "../../../shared/schemas/business-hours";
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
  businessHours: organizationProcedure.output(businessHoursSchema).query(({ ctx }) => getBusinessHours(ctx.actor)),
  updateBusinessHours: adminProcedure
    .input(businessHoursSchema)
    .output(businessHoursSchema)
    .mutation(({ ctx, input }) => updateBusinessHours(ctx.actor, input)),
});
