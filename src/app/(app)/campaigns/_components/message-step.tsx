"use client";

import { Button, Group, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { VariantEditor } from "./variant-editor";
import { BUILT_IN_VARIABLES, MAX_VARIANTS, type VariantValues } from "./wizard-values";

export function MessageStep(props: {
  variants: VariantValues[];
  onChange: (variants: VariantValues[]) => void;
  onUploading: (index: number, uploading: boolean) => void;
  sampleIds: string[];
  errors: Record<string, string>;
}) {
  const t = useTranslations("campaigns.message");
  const trpc = useTRPC();
  const fields = useQuery(trpc.contacts.fields.list.queryOptions());
  const variables = [...BUILT_IN_VARIABLES, ...(fields.data ?? []).map((field) => field.key)];
  const { variants, onChange } = props;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("intro")}
      </Text>
      {variants.map((variant, index) => (
        <VariantEditor
          key={index}
          index={index}
          variant={variant}
          variables={variables}
          sampleIds={props.sampleIds}
          error={props.errors[`variants.${index}.body`] ?? props.errors[`variants.${index}`]}
          onChange={(next) => onChange(variants.map((v, i) => (i === index ? next : v)))}
          onRemove={variants.length > 1 ? () => onChange(variants.filter((_, i) => i !== index)) : undefined}
          onUploading={(uploading) => props.onUploading(index, uploading)}
        />
      ))}
      {props.errors.variants && (
        <Text size="sm" c="red">
          {props.errors.variants}
        </Text>
      )}
      {variants.length < MAX_VARIANTS && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...variants, { body: "", media: null }])}
            data-testid="add-variant"
          >
            {t("addVariant")}
          </Button>
          <Text size="xs" c="dimmed">
            {t("variantsHelp")}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
