"use client";

import { Alert, Button, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { useFormatter, useTranslations } from "next-intl";
import { legalBases, type LegalBasisValue } from "~/shared/schemas/contacts";
import { useErrorWording } from "~/trpc/errors";
import type { ImportReport } from "../types";

export interface ConsentChoice {
  legalBasis: LegalBasisValue | null;
  evidence: string;
}

/** The legal basis and evidence every consent of this file is recorded with, then the go. */
export function ConfirmStep(props: {
  report: ImportReport;
  consentMapped: boolean;
  choice: ConsentChoice;
  onChange: (choice: ConsentChoice) => void;
  onBack: () => void;
  onConfirm: () => void;
  starting: boolean;
  error: unknown;
  /** Field → worded problem: the form's own check, then the server's. */
  errors: Record<string, string>;
}) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts.import.confirm");
  const tBasis = useTranslations("contacts.legalBasis");
  const format = useFormatter();
  const { errors } = props;
  const { choice } = props;

  return (
    <Stack>
      {props.consentMapped ? (
        <>
          <Text size="sm">{t("consentIntro")}</Text>
          <Select
            label={t("legalBasis")}
            placeholder={t("legalBasisPlaceholder")}
            data={legalBases.map((value) => ({ value, label: tBasis(value) }))}
            value={choice.legalBasis}
            onChange={(value) => props.onChange({ ...choice, legalBasis: value as LegalBasisValue | null })}
            error={errors.legalBasis}
            required
            data-testid="import-legal-basis"
          />
          <Textarea
            label={t("evidence")}
            description={t("evidenceHelp")}
            autosize
            minRows={2}
            value={choice.evidence}
            onChange={(e) => props.onChange({ ...choice, evidence: e.currentTarget.value })}
            error={errors.evidence}
            required
            data-testid="import-evidence"
          />
          <Alert color="blue" variant="light">
            {t("optOutRule")}
          </Alert>
        </>
      ) : (
        <Text size="sm">{t("noConsent")}</Text>
      )}
      {props.error && !Object.keys(errors).length ? <Alert color="red">{messageOf(props.error, "")}</Alert> : null}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack}>
          {t("back")}
        </Button>
        <Button onClick={props.onConfirm} loading={props.starting} data-testid="import-confirm">
          {t("start", { count: props.report.validRows, formatted: format.number(props.report.validRows) })}
        </Button>
      </Group>
    </Stack>
  );
}
