"use client";

import {
  ActionIcon,
  Box,
  Button,
  CloseButton,
  FileButton,
  Grid,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFile, IconPaperclip, IconTrash } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/trpc/react";
import { formatBytes } from "~/shared/format/bytes";
import { useAttachmentUpload } from "../../inbox/_components/use-attachment-upload";
import type { VariantValues } from "./wizard-values";

const ACCEPT = "image/*,video/*,audio/*,application/pdf";
const LETTERS = ["A", "B", "C"];

export const variantLetter = (index: number) => LETTERS[index] ?? String(index + 1);

/** One variant's text with variable chips, an optional attachment and its rendering for sample contacts. */
export function VariantEditor(props: {
  index: number;
  variant: VariantValues;
  variables: string[];
  sampleIds: string[];
  error?: string;
  onChange: (variant: VariantValues) => void;
  onRemove?: () => void;
  onUploading: (uploading: boolean) => void;
}) {
  const t = useTranslations("campaigns.message");
  const locale = useLocale();
  const trpc = useTRPC();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { variant, onChange, onUploading } = props;
  const letter = variantLetter(props.index);
  const { attachment, upload, clear } = useAttachmentUpload({ failed: t("uploadFailed") });

  // Once uploaded, the attachment belongs to the variant (and is saved with it).
  const uploaded = attachment?.uploaded ?? null;
  const uploading = !!attachment && !attachment.uploaded && !attachment.error;
  const latest = useRef({ variant, onChange, onUploading });
  useEffect(() => {
    latest.current = { variant, onChange, onUploading };
  });
  useEffect(() => {
    if (!uploaded) return;
    latest.current.onChange({ ...latest.current.variant, media: uploaded });
    clear();
  }, [uploaded, clear]);
  useEffect(() => {
    latest.current.onUploading(uploading);
  }, [uploading]);

  const [body] = useDebouncedValue(variant.body, 350);
  const preview = useQuery({
    ...trpc.campaigns.previewTemplate.queryOptions({ body, contactIds: props.sampleIds.slice(0, 3) }),
    enabled: body.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const unknown = body.trim() ? (preview.data?.unknownVariables ?? []) : [];
  const error = props.error ?? (unknown.length ? t("unknownVariables", { names: unknown.join(", ") }) : undefined);

  function insert(variable: string) {
    const token = `{{${variable}}}`;
    const el = textarea.current;
    const start = el?.selectionStart ?? variant.body.length;
    const end = el?.selectionEnd ?? variant.body.length;
    onChange({ ...variant, body: variant.body.slice(0, start) + token + variant.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <Paper withBorder p="md" data-testid="variant-editor">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={5}>{t("variant", { letter })}</Title>
              {props.onRemove && (
                <Tooltip label={t("removeVariant")}>
                  <ActionIcon variant="subtle" color="gray" aria-label={t("removeVariant")} onClick={props.onRemove}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {t("variables")}
              </Text>
              {props.variables.map((variable) => (
                <Button
                  key={variable}
                  size="compact-xs"
                  variant="light"
                  radius="xl"
                  onClick={() => insert(variable)}
                  data-testid="variable-chip"
                >
                  {`{{${variable}}}`}
                </Button>
              ))}
            </Group>
            <Textarea
              ref={textarea}
              label={t("body", { letter })}
              description={t("bodyHelp")}
              autosize
              minRows={4}
              maxRows={14}
              value={variant.body}
              onChange={(e) => onChange({ ...variant, body: e.currentTarget.value })}
              error={error}
              data-testid="variant-body"
            />
            <Group gap="xs">
              {variant.media ? (
                <AttachmentChip
                  name={variant.media.fileName}
                  size={formatBytes(variant.media.size, locale)}
                  removeLabel={t("removeMedia")}
                  onRemove={() => onChange({ ...variant, media: null })}
                />
              ) : attachment ? (
                <AttachmentChip
                  name={attachment.file.name}
                  size={formatBytes(attachment.file.size, locale)}
                  progress={attachment.error ? undefined : attachment.progress}
                  error={attachment.error}
                  removeLabel={t("removeMedia")}
                  onRemove={clear}
                />
              ) : (
                <FileButton onChange={(file) => file && upload(file)} accept={ACCEPT}>
                  {(buttonProps) => (
                    <Button {...buttonProps} size="xs" variant="default" leftSection={<IconPaperclip size={14} />}>
                      {t("attach")}
                    </Button>
                  )}
                </FileButton>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs" data-testid="variant-preview">
            <Text size="sm" fw={600}>
              {t("preview")}
            </Text>
            {!body.trim() && (
              <Text size="sm" c="dimmed">
                {t("previewEmpty")}
              </Text>
            )}
            {body.trim() &&
              (preview.data?.samples ?? []).map((sample, i) => (
                <Box
                  key={sample.contactId ?? i}
                  p="xs"
                  style={{
                    background: "var(--mantine-color-teal-light)",
                    borderRadius: "var(--mantine-radius-md)",
                    whiteSpace: "pre-wrap",
                    overflowWrap: "anywhere",
                  }}
                  data-testid="variant-preview-sample"
                >
                  {variant.media && (
                    <Group gap={4} mb={4}>
                      <IconFile size={14} />
                      <Text size="xs">{variant.media.fileName}</Text>
                    </Group>
                  )}
                  <Text size="sm">{sample.text}</Text>
                </Box>
              ))}
            {body.trim() && preview.data && !preview.data.samples[0]?.contactId && (
              <Text size="xs" c="dimmed">
                {t("previewFictional")}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function AttachmentChip(props: {
  name: string;
  size: string;
  progress?: number;
  error?: string | null;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <Paper withBorder p={6} radius="sm" maw={360} data-testid="variant-media">
      <Group gap="xs" wrap="nowrap">
        <IconFile size={18} style={{ flexShrink: 0 }} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="xs" fw={500} truncate title={props.name}>
            {props.name}{" "}
            <Text span size="xs" c="dimmed">
              {props.size}
            </Text>
          </Text>
          {props.error ? (
            <Text size="xs" c="red">
              {props.error}
            </Text>
          ) : (
            props.progress !== undefined && <Progress value={props.progress * 100} size="xs" animated />
          )}
        </Stack>
        <CloseButton size="sm" aria-label={props.removeLabel} onClick={props.onRemove} />
      </Group>
    </Paper>
  );
}
