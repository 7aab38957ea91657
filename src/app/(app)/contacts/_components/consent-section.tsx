"use client";

import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, Timeline, Title } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconHelpCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { legalBases, recordContactConsentInput, type LegalBasisValue } from "~/shared/schemas/contacts";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormCheck } from "../../../_components/use-schema-validation";
import type { ContactDetail } from "./types";

const icons = {
  opted_in: <IconCircleCheck size={14} />,
  opted_out: <IconCircleX size={14} />,
  unknown: <IconHelpCircle size={14} />,
};
const colors = { opted_in: "teal", opted_out: "red", unknown: "gray" };

/** The consent ledger (newest first) and the form to record consent by hand. */
export function ConsentSection(props: { contact: ContactDetail; timeZone: string; onSaved: () => Promise<void> }) {
  const t = useTranslations("contacts");
  const format = useFormatter();
  const [recording, setRecording] = useState(false);
  const history = props.contact.consentHistory;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={5}>{t("consentHistory.title")}</Title>
        {!recording && (
          <Button size="xs" variant="light" onClick={() => setRecording(true)} data-testid="record-consent-button">
            {t("consentHistory.record")}
          </Button>
        )}
      </Group>
      {props.contact.consent.status === "opted_out" && (
        <Alert color="red" variant="light">
          {t("consentHistory.optedOutNotice")}
        </Alert>
      )}
      {recording && (
        <RecordConsentForm
          contact={props.contact}
          onCancel={() => setRecording(false)}
          onSaved={async () => {
            setRecording(false);
            await props.onSaved();
          }}
        />
      )}
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("consentHistory.empty")}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} data-testid="consent-timeline">
          {history.map((entry) => (
            <Timeline.Item
              key={entry.id}
              bullet={icons[entry.status]}
              color={colors[entry.status]}
              title={t(`consent.${entry.status}`)}
              data-testid="consent-entry"
            >
              <Text size="xs" c="dimmed">
                {format.dateTime(new Date(entry.occurredAt), {
                  dateStyle: "short",
                  timeStyle: "short",
                  timeZone: props.timeZone,
                })}
                {" · "}
                {t(`source.${entry.source}`)}
                {entry.legalBasis && ` · ${t(`legalBasis.${entry.legalBasis}`)}`}
                {entry.actor && ` · ${entry.actor.name}`}
              </Text>
              {entry.evidenceCode && (
                <Text size="xs" c="dimmed" mt={2} data-testid="consent-evidence-origin">
                  {t(`evidenceOrigin.${entry.evidenceCode}` as "evidenceOrigin.import_file_row", entry.evidenceParams)}
                </Text>
              )}
              {entry.evidence && (
                <Text size="sm" mt={2} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {entry.evidence}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

function RecordConsentForm(props: { contact: ContactDetail; onCancel: () => void; onSaved: () => Promise<void> }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts");
  const trpc = useTRPC();
  const [status, setStatus] = useState<"opted_in" | "opted_out">("opted_in");
  const [legalBasis, setLegalBasis] = useState<LegalBasisValue | null>("consent");
  const [evidence, setEvidence] = useState("");
  const record = useMutation(trpc.contacts.recordConsent.mutationOptions({ onSuccess: props.onSaved }));
  const { errors, check } = useFormCheck(recordContactConsentInput, record.error);
  const liftingOptOut = props.contact.consent.status === "opted_out" && status === "opted_in";

  return (
    <Stack
      gap="sm"
      p="sm"
      style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 8 }}
      data-testid="record-consent-form"
    >
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value as typeof status)}
        data={[
          { value: "opted_in", label: t("consentForm.optedIn") },
          { value: "opted_out", label: t("consentForm.optedOut") },
        ]}
      />
      {liftingOptOut && <Alert color="yellow">{t("consentForm.liftWarning")}</Alert>}
      {status === "opted_in" && (
        <Select
          label={t("consentForm.legalBasis")}
          data={legalBases.map((value) => ({ value, label: t(`legalBasis.${value}`) }))}
          value={legalBasis}
          onChange={(value) => setLegalBasis(value as LegalBasisValue | null)}
          error={errors.legalBasis}
          allowDeselect={false}
        />
      )}
      <Textarea
        label={t("consentForm.evidence")}
        description={status === "opted_in" ? t("consentForm.evidenceHelp") : t("consentForm.evidenceOptional")}
        required={status === "opted_in"}
        autosize
        minRows={2}
        value={evidence}
        error={errors.evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
        data-testid="consent-evidence"
      />
      {record.error && !Object.keys(errors).length && <Alert color="red">{messageOf(record.error, "")}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={props.onCancel}>
          {t("consentForm.cancel")}
        </Button>
        <Button
          size="xs"
          loading={record.isPending}
          onClick={() =>
            check(
              {
                contactId: props.contact.id,
                status,
                legalBasis: status === "opted_in" ? legalBasis : null,
                evidence: evidence.trim() || undefined,
              },
              (input) => record.mutate(input),
            )
          }
          data-testid="consent-submit"
        >
          {t("consentForm.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
