"use client";

import { Chip, Fieldset, Group, Input, NumberInput, Select, SimpleGrid, Stack, Switch, Text } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import { DateTimeField } from "../../../_components/date-fields";
import { weekdayNames } from "./weekdays";
import { halfHours, type WizardValues } from "./wizard-values";

type Schedule = WizardValues["schedule"];
type Thresholds = WizardValues["thresholds"];

const startTimes = halfHours(false);
const endTimes = halfHours(true).slice(1);

export function ScheduleStep(props: {
  schedule: Schedule;
  recentContactDays: number;
  thresholds: Thresholds;
  timeZone: string;
  onSchedule: (schedule: Schedule) => void;
  onRecentContactDays: (days: number) => void;
  onThresholds: (thresholds: Thresholds) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("campaigns.schedule");
  const locale = useLocale();
  const { schedule, errors, thresholds } = props;
  const set = <K extends keyof Schedule>(key: K, value: Schedule[K]) => props.onSchedule({ ...schedule, [key]: value });
  const names = weekdayNames(locale, "short");
  const longNames = weekdayNames(locale, "long");
  const decimalSeparator = locale === "en" ? "." : ",";
  const asNumber = (value: number | string) => (typeof value === "number" ? value : Number(value) || 0);

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("timezone", { timeZone: props.timeZone })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimeField
          label={t("startAt")}
          description={t("startAtHelp")}
          value={schedule.startAt}
          onChange={(value) => set("startAt", value)}
          error={errors["schedule.startAt"]}
          data-testid="schedule-start"
        />
        <DateTimeField
          label={t("endAt")}
          description={t("endAtHelp")}
          value={schedule.endAt}
          onChange={(value) => set("endAt", value)}
          error={errors["schedule.endAt"]}
          data-testid="schedule-end"
        />
      </SimpleGrid>
      <Input.Wrapper label={t("weekdays")} error={errors["schedule.weekdays"]}>
        <Chip.Group
          multiple
          value={schedule.weekdays.map(String)}
          onChange={(days) => set("weekdays", days.map(Number))}
        >
          <Group gap="xs" mt={6} data-testid="schedule-weekdays">
            {names.map((name, day) => (
              <Chip key={day} value={String(day)} size="sm" aria-label={longNames[day]}>
                {name}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Select
          label={t("from")}
          data={startTimes}
          value={schedule.from}
          allowDeselect={false}
          searchable
          onChange={(value) => value && set("from", value)}
          error={errors["schedule.from"]}
          data-testid="schedule-from"
        />
        <Select
          label={t("to")}
          data={endTimes}
          value={schedule.to}
          allowDeselect={false}
          searchable
          onChange={(value) => value && set("to", value)}
          error={errors["schedule.to"]}
          data-testid="schedule-to"
        />
      </SimpleGrid>
      <Switch
        label={t("quiet")}
        description={t("quietHelp")}
        checked={schedule.quiet}
        onChange={(e) => set("quiet", e.currentTarget.checked)}
      />
      {schedule.quiet && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Select
            label={t("quietFrom")}
            data={startTimes}
            value={schedule.quietFrom}
            allowDeselect={false}
            searchable
            onChange={(value) => value && set("quietFrom", value)}
            error={errors["schedule.quietFrom"]}
          />
          <Select
            label={t("quietTo")}
            data={endTimes}
            value={schedule.quietTo}
            allowDeselect={false}
            searchable
            onChange={(value) => value && set("quietTo", value)}
            error={errors["schedule.quietTo"]}
          />
        </SimpleGrid>
      )}
      <Switch
        label={t("skipHolidays")}
        description={t("skipHolidaysHelp")}
        checked={schedule.skipHolidays}
        onChange={(e) => set("skipHolidays", e.currentTarget.checked)}
        data-testid="schedule-skip-holidays"
      />
      <NumberInput
        maw={360}
        label={t("recentContactDays")}
        description={t("recentContactDaysHelp")}
        min={0}
        max={365}
        allowDecimal={false}
        suffix={` ${t("days")}`}
        value={props.recentContactDays}
        onChange={(value) => props.onRecentContactDays(asNumber(value))}
        error={errors.recentContactDays}
      />
      <Fieldset legend={t("autoPause")}>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t("autoPauseHelp", { sample: thresholds.minSample })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("failureRate")}
              min={0}
              max={100}
              decimalScale={1}
              decimalSeparator={decimalSeparator}
              suffix="%"
              value={thresholds.failurePercent}
              onChange={(value) => props.onThresholds({ ...thresholds, failurePercent: asNumber(value) })}
              error={errors["thresholds.failureRate"]}
            />
            <NumberInput
              label={t("optOutRate")}
              min={0}
              max={100}
              decimalScale={1}
              decimalSeparator={decimalSeparator}
              suffix="%"
              value={thresholds.optOutPercent}
              onChange={(value) => props.onThresholds({ ...thresholds, optOutPercent: asNumber(value) })}
              error={errors["thresholds.optOutRate"]}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
