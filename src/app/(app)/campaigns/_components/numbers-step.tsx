"use client";

import { Alert, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { InstanceStatusBadge } from "../../../_components/instance-status-badge";
import { PaceEstimate } from "./pace-estimate";
import type { PaceEstimateState } from "./use-pace-estimate";
import type { WizardValues } from "./wizard-values";

type Limits = WizardValues["limits"];

export function NumbersStep(props: {
  instanceIds: string[];
  limits: Limits;
  onInstances: (ids: string[]) => void;
  onLimits: (limits: Limits) => void;
  pace: PaceEstimateState;
  timeZone: string;
  errors: Record<string, string>;
}) {
  const t = useTranslations("campaigns.numbers");
  const locale = useLocale();
  const trpc = useTRPC();
  const instances = useQuery(trpc.instances.list.queryOptions());
  const { limits, errors } = props;
  const list = instances.data?.instances ?? [];
  const chosen = list.filter((instance) => props.instanceIds.includes(instance.id));
  const disconnected = chosen.filter((instance) => instance.state !== "open");
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const separators =
    locale === "en"
      ? { thousandSeparator: ",", decimalSeparator: "." }
      : { thousandSeparator: ".", decimalSeparator: "," };
  const setLimit = (key: keyof Limits) => (value: number | string) =>
    props.onLimits({ ...limits, [key]: typeof value === "number" ? value : Number(value) || 0 });

  return (
    <Stack>
      <Checkbox.Group
        label={t("instances")}
        description={t("instancesHelp")}
        value={props.instanceIds}
        onChange={props.onInstances}
        error={errors.instanceIds}
        data-testid="campaign-instances"
      >
        <Stack gap="xs" mt="xs">
          {list.length === 0 && instances.isSuccess && (
            <Text size="sm" c="dimmed">
              {t("noInstances")}
            </Text>
          )}
          {list.map((instance) => (
            <Paper key={instance.id} withBorder p="sm">
              <Checkbox
                value={instance.id}
                label={
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {instance.name}
                    </Text>
                    {instance.phoneNumber && (
                      <Text size="sm" c="dimmed">
                        +{instance.phoneNumber}
                      </Text>
                    )}
                    <InstanceStatusBadge instanceId={instance.id} state={instance.state} />
                  </Group>
                }
                description={t("dailyLimit", { limit: number.format(instance.dailySendLimit) })}
                data-testid="campaign-instance"
              />
            </Paper>
          ))}
        </Stack>
      </Checkbox.Group>
      {disconnected.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          {t("disconnectedWarning", { names: disconnected.map((i) => i.name).join(", ") })}
        </Alert>
      )}
      <Title order={5} mt="sm">
        {t("limits")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={t("perMinute")}
          min={1}
          max={100_000}
          allowDecimal={false}
          {...separators}
          value={limits.perMinute}
          onChange={setLimit("perMinute")}
          error={errors["limits.perMinute"]}
        />
        <NumberInput
          label={t("perHour")}
          min={1}
          max={1_000_000}
          allowDecimal={false}
          {...separators}
          value={limits.perHour}
          onChange={setLimit("perHour")}
          error={errors["limits.perHour"]}
        />
        <NumberInput
          label={t("perDay")}
          min={1}
          max={10_000_000}
          allowDecimal={false}
          {...separators}
          value={limits.perDay}
          onChange={setLimit("perDay")}
          error={errors["limits.perDay"]}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t("minInterval")}
          min={0}
          max={3600}
          suffix=" s"
          decimalSeparator={separators.decimalSeparator}
          value={limits.minIntervalSeconds}
          onChange={setLimit("minIntervalSeconds")}
          error={errors["limits.minIntervalSeconds"]}
        />
        <NumberInput
          label={t("maxInterval")}
          min={0}
          max={3600}
          suffix=" s"
          decimalSeparator={separators.decimalSeparator}
          value={limits.maxIntervalSeconds}
          onChange={setLimit("maxIntervalSeconds")}
          error={errors["limits.maxIntervalSeconds"]}
        />
      </SimpleGrid>
      <PaceEstimate estimate={props.pace.data} loading={props.pace.isFetching} timeZone={props.timeZone} />
      <Text size="xs" c="dimmed">
        {t("limitsHelp")}
      </Text>
    </Stack>
  );
}
