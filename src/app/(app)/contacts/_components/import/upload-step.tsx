"use client";

import { Alert, Button, Group, List, Paper, Progress, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconFileSpreadsheet, IconUpload } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useRef, useState, type DragEvent } from "react";
import type { ImportPreview } from "../types";
import { uploadSpreadsheet } from "./upload-spreadsheet";

const MAX_BYTES = 20 * 1024 * 1024;

export function UploadStep(props: { onUploaded: (preview: ImportPreview) => void }) {
  const t = useTranslations("contacts.import");
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function send(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) return setError(t("tooLarge"));
    setProgress(0);
    try {
      props.onUploaded(await uploadSpreadsheet(file, setProgress, t("uploadError")));
    } catch (e) {
      setError(e instanceof Error ? e.message : t("uploadError"));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = "";
    }
  }

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    <Stack>
      <Paper
        withBorder
        p="xl"
        style={{ borderStyle: "dashed", background: dragging ? "var(--mantine-color-default-hover)" : undefined }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <Stack align="center" ta="center" gap="sm">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconFileSpreadsheet size={26} />
          </ThemeIcon>
          <Text fw={500}>{t("dropHere")}</Text>
          <Text size="sm" c="dimmed">
            {t("formats")}
          </Text>
          <input
            ref={input}
            type="file"
            hidden
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void send(e.currentTarget.files?.[0])}
            data-testid="import-file-input"
          />
          <Button
            leftSection={<IconUpload size={16} />}
            loading={progress !== null}
            onClick={() => input.current?.click()}
          >
            {t("chooseFile")}
          </Button>
        </Stack>
      </Paper>
      {progress !== null && (
        <Progress value={progress * 100} animated aria-label={t("uploading")} data-testid="import-upload-progress" />
      )}
      {error && (
        <Alert color="red" data-testid="import-error">
          {error}
        </Alert>
      )}
      <List size="sm" c="dimmed" spacing={4}>
        <List.Item>{t("tips.header")}</List.Item>
        <List.Item>{t("tips.phone")}</List.Item>
        <List.Item>{t("tips.consent")}</List.Item>
        <List.Item>{t("tips.limits")}</List.Item>
      </List>
      <Group justify="flex-end" />
    </Stack>
  );
}
