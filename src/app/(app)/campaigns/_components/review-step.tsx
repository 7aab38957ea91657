"use client";

import { Alert, Anchor, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { legalBases, type LegalBasisName } from "~/shared/schemas/campaigns";
import { useTRPC } from "~/trpc/react";
import { dateTime } from "~/shared/format/time";
import { useWindowSummary } from "./schedule-summary";
import { PaceEstimate } from "./pace-estimate";
import type { AudiencePreview } from "./use-audience-preview";
import type { PaceEstimateState } from "./use-pace-estimate";
import { variantLetter } from "./variant-editor";
import { fromZonedInput } from "./zoned-time";
import type { WizardValues } from "./wizard-values";

export function ReviewStep(props: {
  values: WizardValues;
  preview: AudiencePreview;
  pace: PaceEstimateState;
  timeZone: string;
  onName: (name: string) => void;
  onLegalBasis: (legalBasis: LegalBasisName) => void;
  onEdit: (step: number) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("campaigns.review");
  const tBases = useTranslations("campaigns.legalBases");
  const locale = useLocale();
  const trpc = useTRPC();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const instances = useQuery(trpc.instances.list.queryOptions());
  const windowSummary = useWindowSummary();
  const { values, errors, timeZone } = props;
  const number = new Intl.NumberFormat(locale);
  const { audience, schedule, limits } = values;
  const tagNames = (tags.data ?? []).filter((tag) => audience.tagIds.includes(tag.id)).map((tag) => tag.name);
  const numberNames = (instances.data?.instances ?? [])
    .filter((instance) => values.instanceIds.includes(instance.id))
    .map((instance) => instance.name);
  const start = fromZonedInput(schedule.startAt, timeZone);
  const end = schedule.endAt ? fromZonedInput(schedule.endAt, timeZone) : null;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("name")}
          placeholder={t("namePlaceholder")}
          value={values.name}
          onChange={(e) => props.onName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
          data-testid="campaign-name"
        />
        <Select
          label={t("legalBasis")}
          description={t("legalBasisHelp")}
          data={legalBases.map((basis) => ({ value: basis, label: tBases(basis) }))}
          value={values.legalBasis}
          allowDeselect={false}
          onChange={(basis) => basis && props.onLegalBasis(basis as LegalBasisName)}
          error={errors.legalBasis}
          data-testid="campaign-legal-basis"
        />
      </SimpleGrid>
      {values.legalBasis === "consent" && audience.consent === "opted_in_or_unknown" && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />}>
          {t("consentRequiresOptIn")}
        </Alert>
      )}
      {values.legalBasis !== "consent" && (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          {t("otherBasisNote")}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t("audience")} edit={t("edit")} onEdit={() => props.onEdit(0)}>
          <Text size="sm">
            {t("estimate", { count: props.preview.data ? props.preview.eligible : 0 })}
            {props.preview.data && (
              <Text span size="sm" c="dimmed">
                {" "}
                {t("ofMatching", { total: number.format(props.preview.data.total) })}
              </Text>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {[
              tagNames.length ? t("tags", { names: tagNames.join(", ") }) : t("allContacts"),
              t(`consent.${audience.consent}`),
              audience.after && t("after", { date: audience.after.split("-").reverse().join("/") }),
              audience.before && t("before", { date: audience.before.split("-").reverse().join("/") }),
              audience.fields.filter((f) => f.key).length > 0 &&
                t("fields", { count: audience.fields.filter((f) => f.key).length }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Section>
        <Section title={t("message")} edit={t("edit")} onEdit={() => props.onEdit(1)}>
          {values.variants.map((variant, index) => (
            <Text key={index} size="sm" lineClamp={2}>
              {values.variants.length > 1 && (
                <Text span fw={600} size="sm">
                  {variantLetter(index)}:{" "}
                </Text>
              )}
              {variant.body || "—"}
              {variant.media && (
                <Text span size="xs" c="dimmed">
                  {" "}
                  (+ {variant.media.fileName})
                </Text>
              )}
            </Text>
          ))}
        </Section>
        <Section title={t("numbers")} edit={t("edit")} onEdit={() => props.onEdit(2)}>
          <Text size="sm">{numberNames.join(", ") || "—"}</Text>
          <Text size="sm" c="dimmed">
            {t("limits", {
              perMinute: number.format(limits.perMinute),
              perHour: number.format(limits.perHour),
              perDay: number.format(limits.perDay),
              min: limits.minIntervalSeconds,
              max: limits.maxIntervalSeconds,
            })}
          </Text>
        </Section>
        <Section title={t("schedule")} edit={t("edit")} onEdit={() => props.onEdit(3)}>
          <Text size="sm">
            {start ? t("startsAt", { time: dateTime(start, timeZone, locale) }) : "—"}
            {end && ` → ${dateTime(end, timeZone, locale)}`}
          </Text>
          <Text size="sm" c="dimmed">
            {windowSummary({
              ...schedule,
              quietFrom: schedule.quiet ? schedule.quietFrom : null,
              quietTo: schedule.quiet ? schedule.quietTo : null,
            })}
          </Text>
          <PaceEstimate estimate={props.pace.data} loading={props.pace.isFetching} timeZone={timeZone} />
          <Text size="sm" c="dimmed">
            {values.recentContactDays > 0 ? t("recent", { days: values.recentContactDays }) : t("noRecentRule")}
            {" · "}
            {t("autoPause", {
              failure: values.thresholds.failurePercent,
              optOut: values.thresholds.optOutPercent,
            })}
          </Text>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

function Section(props: { title: string; edit: string; onEdit: () => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Group justify="space-between">
          <Title order={5}>{props.title}</Title>
          <Anchor component="button" type="button" size="sm" onClick={props.onEdit}>
            {props.edit}
          </Anchor>
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}
