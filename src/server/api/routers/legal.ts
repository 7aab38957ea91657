import {
  acceptTermsInput,
  incidentNoticeInput,
  listLegalDocumentsInput,
  publishLegalDocumentInput,
  recordIncidentNoticeInput,
  registerIncidentInput,
  saveEncarregadoInput,
  saveLegalDraftInput,
  saveOptInFormInput,
} from "../../../shared/schemas/legal";
import { listOptInForms } from "../../domain/consent/list-opt-in-forms";
import { listOptInFormsOutput, optInFormOutput } from "../../domain/consent/opt-in-form-outputs";
import { saveOptInForm } from "../../domain/consent/save-opt-in-form";
import { acceptTerms } from "../../domain/legal/accept-terms";
import { getProcessingRecord } from "../../domain/legal/get-processing-record";
import { getTermsStatus } from "../../domain/legal/get-terms-status";
import { incidentNotice } from "../../domain/legal/incident-notice";
import {
  encarregadoOutput,
  incidentNoticeOutput,
  incidentOutput,
  legalDocumentOutput,
  listIncidentsOutput,
  listLegalDocumentsOutput,
  publicOptInFormOutput,
  publicPrivacyPolicyOutput,
  termsAcceptanceOutput,
  termsStatusOutput,
} from "../../domain/legal/legal-outputs";
import { listIncidents } from "../../domain/legal/list-incidents";
import { listLegalDocuments } from "../../domain/legal/list-legal-documents";
import { processingRecordOutput } from "../../domain/legal/processing-record-outputs";
import { publishLegalDocument } from "../../domain/legal/publish-legal-document";
import { recordIncidentNotice } from "../../domain/legal/record-incident-notice";
import { registerIncident } from "../../domain/legal/register-incident";
import { getEncarregado, saveEncarregado } from "../../domain/legal/save-encarregado";
import { saveLegalDraft } from "../../domain/legal/save-legal-draft";
import { z } from "../../../shared/zod";
import { getPublicOptInForm } from "../../domain/consent/get-public-opt-in-form";
import { getPublicPrivacyPolicy } from "../../domain/legal/get-public-privacy-policy";
import { adminProcedure, publicProcedure, router, termsGateProcedure } from "../trpc";

/**
 * Configurações → Legal: terms and privacy policy, encarregado, record of processing, incident register
 * and the public opt-in forms.
 */
export const legalRouter = router({
  /** The public privacy policy page (no session). */
  publicPrivacyPolicy: publicProcedure
    .input(z.object({ organizationId: z.string().max(64) }))
    .output(publicPrivacyPolicyOutput)
    .query(({ input }) => getPublicPrivacyPolicy(input.organizationId)),
  /** The public opt-in page (no session): the wording to show and a freshly signed form token. */
  publicOptInForm: publicProcedure
    .input(z.object({ token: z.string().max(64) }))
    .output(publicOptInFormOutput)
    .query(({ input }) => getPublicOptInForm(input.token)),
  /** The sign-in gate: open before the terms are accepted. */
  termsStatus: termsGateProcedure.output(termsStatusOutput).query(({ ctx }) => getTermsStatus(ctx.actor)),
  acceptTerms: termsGateProcedure
    .input(acceptTermsInput)
    .output(termsAcceptanceOutput)
    .mutation(({ ctx, input }) => acceptTerms(ctx.actor, { ...input, ipAddress: ctx.clientIp ?? null })),
  documents: router({
    list: adminProcedure
      .input(listLegalDocumentsInput)
      .output(listLegalDocumentsOutput)
      .query(({ ctx, input }) => listLegalDocuments(ctx.actor, input)),
    saveDraft: adminProcedure
      .input(saveLegalDraftInput)
      .output(legalDocumentOutput)
      .mutation(({ ctx, input }) => saveLegalDraft(ctx.actor, input)),
    publish: adminProcedure
      .input(publishLegalDocumentInput)
      .output(legalDocumentOutput)
      .mutation(({ ctx, input }) => publishLegalDocument(ctx.actor, input)),
  }),
  encarregado: adminProcedure.output(encarregadoOutput).query(({ ctx }) => getEncarregado(ctx.actor)),
  saveEncarregado: adminProcedure
    .input(saveEncarregadoInput)
    .output(encarregadoOutput)
    .mutation(({ ctx, input }) => saveEncarregado(ctx.actor, input)),
  processingRecord: adminProcedure.output(processingRecordOutput).query(({ ctx }) => getProcessingRecord(ctx.actor)),
  incidents: router({
    list: adminProcedure.output(listIncidentsOutput).query(({ ctx }) => listIncidents(ctx.actor)),
    register: adminProcedure
      .input(registerIncidentInput)
      .output(incidentOutput)
      .mutation(({ ctx, input }) => registerIncident(ctx.actor, input)),
    recordNotice: adminProcedure
      .input(recordIncidentNoticeInput)
      .output(incidentOutput)
      .mutation(({ ctx, input }) => recordIncidentNotice(ctx.actor, input)),
    notice: adminProcedure
      .input(incidentNoticeInput)
      .output(incidentNoticeOutput)
      .query(({ ctx, input }) => incidentNotice(ctx.actor, input)),
  }),
  optInForms: router({
    list: adminProcedure.output(listOptInFormsOutput).query(({ ctx }) => listOptInForms(ctx.actor)),
    save: adminProcedure
      .input(saveOptInFormInput)
      .output(optInFormOutput)
      .mutation(({ ctx, input }) => saveOptInForm(ctx.actor, input)),
  }),
});
