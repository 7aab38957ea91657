"use client";

import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  reportComparisons,
  reportDimensions,
  reportFormats,
  reportFrequencies,
  reportMetrics,
  reportPeriods,
  saveReportInput,
  type SaveReportInput,
} from "~/shared/schemas/reports";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormCheck } from "../../../../_components/use-schema-validation";

export const newReport: SaveReportInput = {
  name: "",
  metrics: ["inbound", "outbound"],
  dimension: "day",
  periodDays: 30,
  filters: { instanceIds: [], memberIds: [] },
  comparison: "none",
  schedule: { frequency: "none", time: "08:00", weekday: 1, monthDay: 1, recipients: [], format: "xlsx" },
};

/** Creates or edits a shared report (admins): what it counts, by what, over which days, and its e-mail. */
export function ReportEditor(props: { initial: SaveReportInput; onClose: () => void; onSaved: (id: string) => void }) {
  const t = useTranslations("reports");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(props.initial);
  const instances = useQuery(trpc.instances.list.queryOptions());
  const members = useQuery(trpc.members.list.queryOptions());
  const save = useMutation(
    trpc.reports.save.mutationOptions({
      onSuccess: async (saved) => {
        notifications.show({ color: "teal", message: t("saved") });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.open.queryKey({ id: saved.id }) });
        props.onSaved(saved.id);
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("saveError")) }),
    }),
  );
  const { errors, check } = useFormCheck(saveReportInput, save.error);
  const schedule = form.schedule;
  const setSchedule = (patch: Partial<SaveReportInput["schedule"]>) =>
    setForm({ ...form, schedule: { ...schedule, ...patch } });
  const weekdays = Array.from({ length: 7 }, (_, day) => ({
    value: String(day),
    label: t(`schedule.weekdays.${day}`),
  }));

  return (
    <Modal opened onClose={props.onClose} title={<Title order={4}>{t("editorTitle")}</Title>} size="lg">
      <form
        data-testid="report-editor"
        onSubmit={(event) => {
          event.preventDefault();
          check(form, (values) => save.mutate(values));
        }}
      >
        <Stack>
          <TextInput
            label={t("name")}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={errors.name}
            data-testid="report-name"
          />
          <MultiSelect
            label={t("metricsLabel")}
            data={reportMetrics.map((metric) => ({ value: metric, label: t(`metrics.${metric}`) }))}
            value={form.metrics}
            onChange={(value) => setForm({ ...form, metrics: value as SaveReportInput["metrics"] })}
            error={errors.metrics}
            data-testid="report-metrics"
          />
          <Group grow>
            <Select
              label={t("dimensionLabel")}
              data={reportDimensions.map((dimension) => ({ value: dimension, label: t(`dimensions.${dimension}`) }))}
              value={form.dimension}
              allowDeselect={false}
              onChange={(value) => value && setForm({ ...form, dimension: value as SaveReportInput["dimension"] })}
            />
            <Select
              label={t("periodLabel")}
              data={reportPeriods.map((days) => ({ value: String(days), label: t("periodDays", { days }) }))}
              value={String(form.periodDays)}
              allowDeselect={false}
              onChange={(value) =>
                value && setForm({ ...form, periodDays: Number(value) as SaveReportInput["periodDays"] })
              }
            />
            <Select
              label={t("comparisonLabel")}
              data-testid="report-comparison"
              data={reportComparisons.map((kind) => ({ value: kind, label: t(`comparisons.${kind}`) }))}
              value={form.comparison ?? "none"}
              allowDeselect={false}
              onChange={(value) =>
                value && setForm({ ...form, comparison: value as NonNullable<SaveReportInput["comparison"]> })
              }
            />
          </Group>
          <MultiSelect
            label={t("instancesFilter")}
            description={t("filtersHint")}
            data={(instances.data?.instances ?? []).map((instance) => ({ value: instance.id, label: instance.name }))}
            value={form.filters.instanceIds}
            onChange={(instanceIds) => setForm({ ...form, filters: { ...form.filters, instanceIds } })}
          />
          <MultiSelect
            label={t("membersFilter")}
            description={t("filtersHint")}
            data={(members.data ?? []).map((member) => ({ value: member.userId, label: member.name }))}
            value={form.filters.memberIds}
            onChange={(memberIds) => setForm({ ...form, filters: { ...form.filters, memberIds } })}
          />
          <Title order={5}>{t("schedule.title")}</Title>
          <Alert color="gray" variant="light">
            {t("schedule.smtpHint")}
          </Alert>
          <Group grow align="flex-start">
            <Select
              label={t("schedule.frequency")}
              data={reportFrequencies.map((frequency) => ({
                value: frequency,
                label: t(`schedule.frequencies.${frequency}`),
              }))}
              value={schedule.frequency}
              allowDeselect={false}
              onChange={(value) => value && setSchedule({ frequency: value as typeof schedule.frequency })}
              data-testid="report-frequency"
            />
            <TextInput
              label={t("schedule.time")}
              type="time"
              value={schedule.time}
              onChange={(e) => setSchedule({ time: e.currentTarget.value })}
              error={errors["schedule.time"]}
            />
            {schedule.frequency === "weekly" && (
              <Select
                label={t("schedule.weekday")}
                data={weekdays}
                value={String(schedule.weekday)}
                allowDeselect={false}
                onChange={(value) => value && setSchedule({ weekday: Number(value) })}
              />
            )}
            {schedule.frequency === "monthly" && (
              <NumberInput
                label={t("schedule.monthDay")}
                min={1}
                max={28}
                value={schedule.monthDay}
                onChange={(value) => setSchedule({ monthDay: Number(value) || 1 })}
                error={errors["schedule.monthDay"]}
              />
            )}
          </Group>
          {schedule.frequency !== "none" && (
            <Group grow align="flex-start">
              <TagsInput
                label={t("schedule.recipients")}
                description={t("schedule.recipientsHint")}
                value={schedule.recipients}
                // A pasted "a@x.com, b@y.com," may leave separators on a tag.
                onChange={(recipients) =>
                  setSchedule({ recipients: recipients.map((r) => r.replace(/[\s,;]+$/, "")).filter(Boolean) })
                }
                splitChars={[",", " ", ";"]}
                error={
                  errors["schedule.recipients"] ??
                  Object.entries(errors).find(([key]) => key.startsWith("schedule.recipients."))?.[1]
                }
                data-testid="report-recipients"
              />
              <Select
                label={t("schedule.format")}
                data={reportFormats.map((format) => ({ value: format, label: t(`schedule.formats.${format}`) }))}
                value={schedule.format}
                allowDeselect={false}
                onChange={(value) => value && setSchedule({ format: value as typeof schedule.format })}
              />
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="report-save">
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
