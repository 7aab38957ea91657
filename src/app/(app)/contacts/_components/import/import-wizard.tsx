"use client";

import { Modal, Stepper } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { importConsentChoice } from "~/shared/schemas/contacts";
import { useFormCheck } from "../../../../_components/use-schema-validation";
import type { ImportPreview, ImportReport } from "../types";
import { ConfirmStep, type ConsentChoice } from "./confirm-step";
import { initialMapping, MappingStep, toImportMapping, type MappingState } from "./mapping-step";
import { ProgressStep } from "./progress-step";
import { ReviewStep } from "./review-step";
import { UploadStep } from "./upload-step";

/**
 * Upload → columns → review (nothing written yet) → legal basis and evidence → live progress and the
 * outcome with the rejected-rows report. The job keeps running if the wizard is closed.
 */
export function ImportWizard(props: { onClose: () => void }) {
  const t = useTranslations("contacts.import");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [choice, setChoice] = useState<ConsentChoice>({ legalBasis: null, evidence: "" });
  const validate = useMutation(
    trpc.contacts.imports.validate.mutationOptions({
      onSuccess: (result) => {
        setReport(result);
        setChoice((current) => ({ ...current, evidence: current.evidence || (result.suggestedEvidence ?? "") }));
        setStep(2);
      },
    }),
  );
  const start = useMutation(
    trpc.contacts.imports.start.mutationOptions({
      onSuccess: async (job) => {
        queryClient.setQueryData(trpc.contacts.imports.get.queryKey({ importId: job.id }), job);
        setStep(4);
      },
    }),
  );
  const chosen = mapping && toImportMapping(mapping);
  const consentCheck = useFormCheck(importConsentChoice, start.error);
  const startImport = () => {
    if (!preview || !chosen) return;
    const consentMapped = chosen.consent !== null && chosen.consent !== undefined;
    const send = () =>
      start.mutate({
        importId: preview.importId,
        mapping: chosen,
        legalBasis: consentMapped ? choice.legalBasis : null,
        evidence: choice.evidence.trim() || undefined,
      });
    if (consentMapped) consentCheck.check(choice, send);
    else send();
  };

  return (
    <Modal opened onClose={props.onClose} title={t("title")} size="xl" closeOnClickOutside={false}>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t("steps.upload")}>
          <UploadStep
            onUploaded={(uploaded) => {
              setPreview(uploaded);
              setMapping(initialMapping(uploaded));
              setReport(null);
              validate.reset();
              setStep(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t("steps.mapping")}>
          {preview && mapping && (
            <MappingStep
              preview={preview}
              mapping={mapping}
              onChange={setMapping}
              onBack={() => setStep(0)}
              onNext={() => chosen && validate.mutate({ importId: preview.importId, mapping: chosen })}
              validating={validate.isPending}
              error={validate.error}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t("steps.review")}>
          {report && <ReviewStep report={report} onBack={() => setStep(1)} onNext={() => setStep(3)} />}
        </Stepper.Step>
        <Stepper.Step label={t("steps.confirm")}>
          {report && chosen && (
            <ConfirmStep
              report={report}
              consentMapped={chosen.consent !== null && chosen.consent !== undefined}
              choice={choice}
              onChange={setChoice}
              onBack={() => setStep(2)}
              onConfirm={startImport}
              starting={start.isPending}
              error={start.error}
              errors={consentCheck.errors}
            />
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {preview && (
            <ProgressStep
              importId={preview.importId}
              onRetry={startImport}
              retrying={start.isPending}
              onClose={props.onClose}
            />
          )}
        </Stepper.Completed>
      </Stepper>
    </Modal>
  );
}
