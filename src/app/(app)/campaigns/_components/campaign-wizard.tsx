"use client";

import { Alert, Button, Group, Paper, Stack, Stepper } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconArrowRight, IconDeviceFloppy, IconRocket } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { AudienceStep } from "./audience-step";
import { MessageStep } from "./message-step";
import { LaunchConfirmModal } from "./launch-confirm-modal";
import { NumbersStep } from "./numbers-step";
import { PreflightModal } from "./preflight-modal";
import { ReviewStep } from "./review-step";
import { ScheduleStep } from "./schedule-step";
import type { PreflightReport } from "./types";
import { useAudiencePreview } from "./use-audience-preview";
import { usePaceEstimate } from "./use-pace-estimate";
import { clientErrors, stepOfField, steps, toSaveInput, type WizardValues } from "./wizard-values";

const LAST = steps.length - 1;

/**
 * Público → Mensagem → Números e limites → Agenda → Revisão. The form lives here; each step edits its
 * part. Saving sends it all (the server validates it again); its field errors go back to their step.
 */
export function CampaignWizard(props: { initial: WizardValues; campaignId: string | null; timeZone: string }) {
  const t = useTranslations("campaigns.wizard");
  const tErrors = useTranslations("campaigns.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { timeZone } = props;
  const [values, setValues] = useState(props.initial);
  const [active, setActive] = useState(0);
  const [reached, setReached] = useState(props.campaignId ? LAST : 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState(props.campaignId);
  const [preflight, setPreflight] = useState<PreflightReport | null>(null);
  /** The saved draft waiting for the launch confirmation. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Set<number>>(new Set());
  const [instancesTouched, setInstancesTouched] = useState(!!props.campaignId);
  const instances = useQuery(trpc.instances.list.queryOptions());
  const preview = useAudiencePreview(values.audience, values.legalBasis, timeZone);
  const pace = usePaceEstimate(values, timeZone);
  const save = useMutation(trpc.campaigns.save.mutationOptions());
  const launch = useMutation(trpc.campaigns.launch.mutationOptions());
  const busy = save.isPending || launch.isPending;

  /** Changes one part of the form and forgets the errors shown for it. */
  function update<K extends keyof WizardValues>(key: K, value: WizardValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      const kept = Object.entries(current).filter(([path]) => path !== key && !path.startsWith(`${key}.`));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  }

  function translated(found: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(found).map(([path, key]) => [path, tErrors(key)]));
  }

  function goTo(step: number) {
    // A new campaign sends from every connected number unless the person chooses otherwise.
    if (step >= 2 && !instancesTouched && values.instanceIds.length === 0 && instances.data) {
      const connected = instances.data.instances.filter((i) => i.state === "open").map((i) => i.id);
      setValues((current) => ({ ...current, instanceIds: connected }));
      setInstancesTouched(true);
    }
    setActive(step);
    setReached((current) => Math.max(current, step));
    window.scrollTo({ top: 0 });
  }

  function next() {
    const found = clientErrors(values, active, timeZone);
    if (Object.keys(found).length) {
      setErrors((current) => ({ ...current, ...translated(found) }));
      return;
    }
    goTo(Math.min(active + 1, LAST));
  }

  /** Saves the form (and, to launch, asks for a confirmation first: nothing is sent until then). */
  async function submit(kind: "draft" | "launch") {
    const found: Record<string, string> = {};
    for (let step = 0; step <= LAST; step++) Object.assign(found, clientErrors(values, step, timeZone));
    if (Object.keys(found).length) {
      setErrors(translated(found));
      setActive(Math.min(...Object.keys(found).map(stepOfField)));
      return;
    }
    setFormError(null);
    try {
      const saved = await save.mutateAsync(toSaveInput(values, timeZone, campaignId));
      if (!campaignId) {
        setCampaignId(saved.id);
        // Reloading now opens this draft, not a new one.
        window.history.replaceState(null, "", `/campaigns/${saved.id}/edit`);
      }
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
      if (kind === "draft") notifications.show({ color: "teal", message: t("draftSaved") });
      else setConfirming(saved.id);
    } catch (error) {
      showError(error, t("saveError"));
    }
  }

  async function confirmLaunch() {
    if (!confirming) return;
    try {
      const report = await launch.mutateAsync({ campaignId: confirming });
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.report.queryKey({ campaignId: confirming }) });
      setConfirming(null);
      setPreflight(report);
    } catch (error) {
      setConfirming(null);
      showError(error, t("launchError"));
    }
  }

  function showError(error: unknown, fallback: string) {
    const fields = fieldErrorsOf(error);
    if (Object.keys(fields).length) {
      setErrors(fields);
      setActive(Math.min(...Object.keys(fields).map(stepOfField)));
    }
    setFormError(messageOf(error, fallback));
  }

  const stepContent = [
    <AudienceStep
      key="audience"
      audience={values.audience}
      onChange={(audience) => update("audience", audience)}
      preview={preview}
      errors={errors}
    />,
    <MessageStep
      key="message"
      variants={values.variants}
      onChange={(variants) => update("variants", variants)}
      onUploading={(index, uploading) =>
        setUploads((current) => {
          if (current.has(index) === uploading) return current;
          const nextSet = new Set(current);
          if (uploading) nextSet.add(index);
          else nextSet.delete(index);
          return nextSet;
        })
      }
      sampleIds={preview.sampleIds}
      errors={errors}
    />,
    <NumbersStep
      key="numbers"
      instanceIds={values.instanceIds}
      limits={values.limits}
      onInstances={(ids) => {
        setInstancesTouched(true);
        update("instanceIds", ids);
      }}
      onLimits={(limits) => update("limits", limits)}
      pace={pace}
      timeZone={timeZone}
      errors={errors}
    />,
    <ScheduleStep
      key="schedule"
      schedule={values.schedule}
      recentContactDays={values.recentContactDays}
      thresholds={values.thresholds}
      timeZone={timeZone}
      onSchedule={(schedule) => update("schedule", schedule)}
      onRecentContactDays={(days) => update("recentContactDays", days)}
      onThresholds={(thresholds) => update("thresholds", thresholds)}
      errors={errors}
    />,
    <ReviewStep
      key="review"
      values={values}
      preview={preview}
      pace={pace}
      timeZone={timeZone}
      onName={(name) => update("name", name)}
      onLegalBasis={(legalBasis) => update("legalBasis", legalBasis)}
      onEdit={goTo}
      errors={errors}
    />,
  ];

  return (
    <Stack data-testid="campaign-wizard">
      <Stepper
        active={active}
        onStepClick={(step) => step <= reached && goTo(step)}
        allowNextStepsSelect={false}
        size="sm"
      >
        {steps.map((step, index) => (
          <Stepper.Step
            key={step}
            label={t(`steps.${step}`)}
            allowStepSelect={index <= reached}
            color={Object.keys(errors).some((path) => stepOfField(path) === index) ? "red" : undefined}
          />
        ))}
      </Stepper>
      {formError && (
        <Alert color="red" data-testid="wizard-error" withCloseButton onClose={() => setFormError(null)}>
          {formError}
        </Alert>
      )}
      <Paper withBorder p={{ base: "sm", sm: "lg" }}>
        {stepContent[active]}
      </Paper>
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} />}
          onClick={() => goTo(active - 1)}
          disabled={active === 0 || busy}
          data-testid="wizard-back"
        >
          {t("back")}
        </Button>
        {active < LAST ? (
          <Button rightSection={<IconArrowRight size={16} />} onClick={next} data-testid="wizard-next">
            {t("next")}
          </Button>
        ) : (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => void submit("draft")}
              loading={save.isPending && !launch.isPending}
              disabled={busy || uploads.size > 0}
              data-testid="wizard-save"
            >
              {t("saveDraft")}
            </Button>
            <Button
              color="teal"
              leftSection={<IconRocket size={16} />}
              onClick={() => void submit("launch")}
              loading={launch.isPending}
              disabled={busy || uploads.size > 0}
              data-testid="wizard-launch"
            >
              {t("launch")}
            </Button>
          </Group>
        )}
      </Group>
      <LaunchConfirmModal
        campaignId={confirming}
        timeZone={timeZone}
        launching={launch.isPending}
        onConfirm={() => void confirmLaunch()}
        onCancel={() => setConfirming(null)}
      />
      <PreflightModal report={preflight} onContinue={() => campaignId && router.push(`/campaigns/${campaignId}`)} />
    </Stack>
  );
}
