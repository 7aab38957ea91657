import {
  closeDataSubjectRequestInput,
  eraseContactInput,
  listDataSubjectRequestsInput,
  previewRetentionPurgeInput,
  registerDataSubjectRequestInput,
  saveRetentionPolicyInput,
} from "../../../shared/schemas/privacy";
import { closeDataSubjectRequest } from "../../domain/privacy/close-data-subject-request";
import { eraseContact } from "../../domain/privacy/erase-contact";
import { listDataSubjectRequests } from "../../domain/privacy/list-data-subject-requests";
import {
  dataSubjectRequestOutput,
  eraseContactOutput,
  listDataSubjectRequestsOutput,
  listRetentionPoliciesOutput,
  previewRetentionPurgeOutput,
  retentionPolicyOutput,
} from "../../domain/privacy/privacy-outputs";
import { registerDataSubjectRequest } from "../../domain/privacy/register-data-subject-request";
import {
  listRetentionPolicies,
  previewRetentionPurge,
  saveRetentionPolicy,
} from "../../domain/privacy/retention-policies";
import { adminProcedure, router } from "../trpc";

/** Configurações → Privacidade: data-subject requests, erasure and retention (admins). */
export const privacyRouter = router({
  requests: router({
    list: adminProcedure
      .input(listDataSubjectRequestsInput)
      .output(listDataSubjectRequestsOutput)
      .query(({ ctx, input }) => listDataSubjectRequests(ctx.actor, input)),
    register: adminProcedure
      .input(registerDataSubjectRequestInput)
      .output(dataSubjectRequestOutput)
      .mutation(({ ctx, input }) => registerDataSubjectRequest(ctx.actor, input)),
    close: adminProcedure
      .input(closeDataSubjectRequestInput)
      .output(dataSubjectRequestOutput)
      .mutation(({ ctx, input }) => closeDataSubjectRequest(ctx.actor, input)),
  }),
  eraseContact: adminProcedure
    .input(eraseContactInput)
    .output(eraseContactOutput)
    .mutation(({ ctx, input }) => eraseContact(ctx.actor, input)),
  retention: router({
    list: adminProcedure.output(listRetentionPoliciesOutput).query(({ ctx }) => listRetentionPolicies(ctx.actor)),
    preview: adminProcedure
      .input(previewRetentionPurgeInput)
      .output(previewRetentionPurgeOutput)
      .query(({ ctx, input }) => previewRetentionPurge(ctx.actor, input)),
    save: adminProcedure
      .input(saveRetentionPolicyInput)
      .output(retentionPolicyOutput)
      .mutation(({ ctx, input }) => saveRetentionPolicy(ctx.actor, input)),
  }),
});
