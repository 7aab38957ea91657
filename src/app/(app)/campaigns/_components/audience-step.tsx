"use client";

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Input,
} from "@mantine/core";
import { IconInfoCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { DateField } from "../../../_components/date-fields";
import { formatPhone } from "../../../_components/format-phone";
import type { AudiencePreview } from "./use-audience-preview";
import type { AudienceConsent, AudienceValues } from "./wizard-values";

const MAX_FIELD_FILTERS = 10;

export function AudienceStep(props: {
  audience: AudienceValues;
  onChange: (audience: AudienceValues) => void;
  preview: AudiencePreview;
  errors: Record<string, string>;
}) {
  const t = useTranslations("campaigns.audience");
  const trpc = useTRPC();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const instances = useQuery(trpc.instances.list.queryOptions());
  const fields = useQuery(trpc.contacts.fields.list.queryOptions());
  const { audience, onChange, errors } = props;
  const set = <K extends keyof AudienceValues>(key: K, value: AudienceValues[K]) =>
    onChange({ ...audience, [key]: value });

  const fieldOptions = (fields.data ?? []).map((field) => ({ value: field.key, label: field.label }));

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <MultiSelect
            label={t("tags")}
            description={t("tagsHelp")}
            placeholder={audience.tagIds.length ? undefined : t("anyTag")}
            data={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
            value={audience.tagIds}
            onChange={(tagIds) => set("tagIds", tagIds)}
            searchable
            clearable
            maxValues={20}
            error={errors["audience.tagIds"]}
            data-testid="audience-tags"
          />
          <MultiSelect
            label={t("numbers")}
            description={t("numbersHelp")}
            placeholder={audience.instanceIds.length ? undefined : t("anyNumber")}
            data={(instances.data?.instances ?? []).map((instance) => ({ value: instance.id, label: instance.name }))}
            value={audience.instanceIds}
            onChange={(instanceIds) => set("instanceIds", instanceIds)}
            searchable
            clearable
            error={errors["audience.instanceIds"]}
            data-testid="audience-numbers"
          />
          <Input.Wrapper label={t("consent")} description={t("consentHelp")} error={errors["audience.consent"]}>
            <SegmentedControl
              mt={6}
              fullWidth
              value={audience.consent}
              onChange={(consent) => set("consent", consent as AudienceConsent)}
              data={[
                { value: "opted_in", label: t("optedInOnly") },
                { value: "opted_in_or_unknown", label: t("optedInOrUnknown") },
              ]}
              data-testid="audience-consent"
            />
          </Input.Wrapper>
          {audience.consent === "opted_in_or_unknown" && (
            <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
              {t("unknownWarning")}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t("after")}
              description={t("afterHelp")}
              value={audience.after}
              onChange={(value) => set("after", value)}
              error={errors["audience.lastInteraction.after"]}
            />
            <DateField
              label={t("before")}
              description={t("beforeHelp")}
              value={audience.before}
              onChange={(value) => set("before", value)}
              error={errors["audience.lastInteraction.before"]}
            />
          </SimpleGrid>
          <Input.Wrapper label={t("fields")} description={fieldOptions.length ? t("fieldsHelp") : t("noFields")}>
            <Stack gap="xs" mt={6}>
              {audience.fields.map((field, index) => (
                <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                  <Select
                    aria-label={t("fieldKey")}
                    placeholder={t("fieldKey")}
                    data={fieldOptions}
                    value={field.key || null}
                    onChange={(key) =>
                      set(
                        "fields",
                        audience.fields.map((f, i) => (i === index ? { ...f, key: key ?? "" } : f)),
                      )
                    }
                    error={errors[`audience.fields.${index}.key`]}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    aria-label={t("fieldValue")}
                    placeholder={t("fieldValue")}
                    value={field.value}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      set(
                        "fields",
                        audience.fields.map((f, i) => (i === index ? { ...f, value } : f)),
                      );
                    }}
                    error={errors[`audience.fields.${index}.value`]}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={t("removeField")}
                    onClick={() =>
                      set(
                        "fields",
                        audience.fields.filter((_, i) => i !== index),
                      )
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {fieldOptions.length > 0 && audience.fields.length < MAX_FIELD_FILTERS && (
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => set("fields", [...audience.fields, { key: "", value: "" }])}
                  >
                    {t("addField")}
                  </Button>
                </Group>
              )}
            </Stack>
          </Input.Wrapper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <AudiencePreviewPanel preview={props.preview} />
      </Grid.Col>
    </Grid>
  );
}

function AudiencePreviewPanel({ preview }: { preview: AudiencePreview }) {
  const t = useTranslations("campaigns.audience");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const data = preview.data;
  return (
    <Paper withBorder p="md" data-testid="audience-preview" aria-live="polite">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t("estimate")}</Text>
          {preview.isFetching && <Loader size="xs" />}
        </Group>
        <Text fz={36} fw={700} lh={1} data-testid="audience-count" data-value={data ? preview.eligible : undefined}>
          {data ? number.format(preview.eligible) : "—"}
        </Text>
        <Text size="xs" c="dimmed">
          {t("estimateHelp")}
        </Text>
        {data && (
          <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
            <Text size="sm">{t("matching")}</Text>
            <Text size="sm" ta="right">
              {number.format(data.total)}
            </Text>
            <Text size="sm">{t("withOptIn")}</Text>
            <Text size="sm" ta="right">
              {number.format(data.optedIn)}
            </Text>
            <Text size="sm">{t("optedOut")}</Text>
            <Text size="sm" ta="right">
              {number.format(data.optedOut)}
            </Text>
            <Text size="sm">{t("blocked")}</Text>
            <Text size="sm" ta="right">
              {number.format(data.blocked)}
            </Text>
          </SimpleGrid>
        )}
        {preview.error && (
          <Text size="sm" c="red">
            {t("previewError")}
          </Text>
        )}
        {data && data.sample.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("sample")}
            </Text>
            {data.sample.map((contact) => (
              <Group key={contact.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="audience-sample">
                <Text size="sm" truncate>
                  {contact.name ?? contact.pushName ?? formatPhone(contact.phoneE164)}
                  {(contact.name ?? contact.pushName) && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      {formatPhone(contact.phoneE164)}
                    </Text>
                  )}
                </Text>
                <Badge
                  size="xs"
                  variant="light"
                  color={
                    contact.consentStatus === "opted_in"
                      ? "teal"
                      : contact.consentStatus === "opted_out"
                        ? "red"
                        : "gray"
                  }
                >
                  {t(`consentStatuses.${contact.consentStatus}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
