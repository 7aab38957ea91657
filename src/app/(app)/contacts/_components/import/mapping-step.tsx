"use client";

import { Alert, Button, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ImportMapping } from "~/shared/schemas/contacts";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { ImportPreview } from "../types";

/** The wizard's mapping: attribute → column index (null: not imported). */
export interface MappingState {
  phone: number | null;
  name: number | null;
  tags: number | null;
  consent: number | null;
  fields: Record<string, number | null>;
}

export function initialMapping(preview: ImportPreview): MappingState {
  return { ...preview.suggestedMapping, fields: { ...preview.suggestedMapping.fields } };
}

export function toImportMapping(state: MappingState): ImportMapping | null {
  if (state.phone === null) return null;
  const fields = Object.fromEntries(
    Object.entries(state.fields).filter((entry): entry is [string, number] => entry[1] !== null),
  );
  return { phone: state.phone, name: state.name, tags: state.tags, consent: state.consent, fields };
}

const NONE = "none";

export function MappingStep(props: {
  preview: ImportPreview;
  mapping: MappingState;
  onChange: (mapping: MappingState) => void;
  onBack: () => void;
  onNext: () => void;
  validating: boolean;
  error: unknown;
}) {
  const { messageOf, fieldErrorsOf } = useErrorWording();
  const t = useTranslations("contacts.import");
  const trpc = useTRPC();
  const fields = useQuery(trpc.contacts.fields.list.queryOptions());
  const options = [
    { value: NONE, label: t("mapping.none") },
    ...props.preview.columns.map((column, index) => ({ value: String(index), label: column })),
  ];
  const errors = fieldErrorsOf(props.error);
  const { mapping } = props;
  const select = (
    label: string,
    value: number | null,
    onChange: (value: number | null) => void,
    key: string,
    error?: string,
  ) => (
    <Select
      key={key}
      label={label}
      data={options}
      value={value === null ? NONE : String(value)}
      allowDeselect={false}
      error={error}
      onChange={(v) => onChange(v === null || v === NONE ? null : Number(v))}
      data-testid={`mapping-${key}`}
    />
  );

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("mapping.intro", { file: props.preview.fileName, rows: props.preview.totalRows })}
      </Text>
      {props.error && !Object.keys(errors).length ? <Alert color="red">{messageOf(props.error, "")}</Alert> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {select(
          t("mapping.phone"),
          mapping.phone,
          (phone) => props.onChange({ ...mapping, phone }),
          "phone",
          errors.phone,
        )}
        {select(t("mapping.name"), mapping.name, (name) => props.onChange({ ...mapping, name }), "name", errors.name)}
        {select(t("mapping.tags"), mapping.tags, (tags) => props.onChange({ ...mapping, tags }), "tags", errors.tags)}
        {select(
          t("mapping.consent"),
          mapping.consent,
          (consent) => props.onChange({ ...mapping, consent }),
          "consent",
          errors.consent,
        )}
        {(fields.data ?? []).map((field) =>
          select(
            field.label,
            mapping.fields[field.key] ?? null,
            (column) => props.onChange({ ...mapping, fields: { ...mapping.fields, [field.key]: column } }),
            `field-${field.key}`,
            errors[`fields.${field.key}`],
          ),
        )}
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t("mapping.sample")}
      </Text>
      <ScrollArea type="auto">
        <Table withTableBorder striped fz="xs" data-testid="import-sample">
          <Table.Thead>
            <Table.Tr>
              {props.preview.columns.map((column, index) => (
                <Table.Th key={index} style={{ whiteSpace: "nowrap" }}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.preview.sampleRows.slice(0, 5).map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Table.Td key={c} style={{ whiteSpace: "nowrap" }}>
                    {cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack}>
          {t("back")}
        </Button>
        <Button
          onClick={props.onNext}
          disabled={mapping.phone === null}
          loading={props.validating}
          data-testid="mapping-next"
        >
          {t("mapping.validate")}
        </Button>
      </Group>
    </Stack>
  );
}
