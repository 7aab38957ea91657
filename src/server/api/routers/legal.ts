import {
  acceptTermsInput,
  incidentNoticeInput,
  listLegalDocumentsInput,
  publishLegalDocumentInput,
  recordIncidentNoticeInput,
  registerIncidentInput,
  saveEncarregadoInput,
  saveLegalDraftInput,
} from "../../../shared/schemas/legal";
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
import { adminProcedure, router, termsGateProcedure } from "../trpc";

/** Configurações → Legal: terms and privacy policy, encarregado, record of processing, incident register. */
export const legalRouter = router({
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
});
