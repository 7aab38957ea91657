"use client";

import { Alert, Button, Paper, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../_components/realtime-provider";

/** Round trip web → queue → worker → Socket.IO → this page, measured. */
export function DiagnosticsPanel() {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const check = useMutation(trpc.system.realtimeCheck.mutationOptions());
  const [sent, setSent] = useState<{ checkId: string; at: number } | null>(null);
  // Kept by id: the worker may answer before the mutation's own response arrives.
  const [arrivals, setArrivals] = useState<Record<string, number>>({});
  useRealtimeEvent("realtime.check", (event) => setArrivals((all) => ({ ...all, [event.checkId]: performance.now() })));

  async function runCheck() {
    const at = performance.now();
    const result = await check.mutateAsync();
    setSent({ checkId: result.checkId, at });
  }
  const arrivedAt = sent ? arrivals[sent.checkId] : undefined;

  return (
    <Paper withBorder p="md" maw={560}>
      <Stack>
        <Text c="dimmed">{t("realtimeCheckBody")}</Text>
        <Button
          w="fit-content"
          loading={check.isPending}
          onClick={() => void runCheck().catch(() => undefined)}
          data-testid="realtime-check"
        >
          {t("realtimeCheck")}
        </Button>
        {sent && arrivedAt !== undefined && (
          <Alert color="teal" data-testid="realtime-check-result">
            {t("realtimeOk", { ms: Math.round(arrivedAt - sent.at) })}
          </Alert>
        )}
        {check.error && <Alert color="red">{messageOf(check.error, "")}</Alert>}
      </Stack>
    </Paper>
  );
}
