"use client";

import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { reportBrowserError } from "./report-browser-error";

/** What an error boundary shows: the failure is reported once, and the person may try again. */
export function ErrorFallback({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorBoundary");
  useEffect(() => reportBrowserError("boundary", error), [error]);
  return (
    <Stack maw={520} mx="auto" mt="xl" data-testid="error-boundary">
      <Alert color="red" title={t("title")}>
        <Text size="sm">{t("body")}</Text>
      </Alert>
      <Button variant="light" onClick={reset}>
        {t("retry")}
      </Button>
    </Stack>
  );
}
