"use client";

import { Alert, Button, Paper, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../_components/realtime-provider";

/** Round trip web → queue → worker → Socket.IO → this page, measured. */
export function DiagnosticsPanel() {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const pending = useRef<{ checkId: string; sentAt: number } | null>(null);
  const [roundTripMs, setRoundTripMs] = useState<number | null>(null);
  const check = useMutation(
    trpc.system.realtimeCheck.mutationOptions({
      onMutate: () => setRoundTripMs(null),
      onSuccess: (result) => {
        pending.current = { checkId: result.checkId, sentAt: performance.now() };
      },
    }),
  );
  useRealtimeEvent("realtime.check", (event) => {
    if (event.checkId !== pending.current?.checkId) return;
    setRoundTripMs(Math.round(performance.now() - pending.current.sentAt));
    pending.current = null;
  });
  return (
    <Paper withBorder p="md" maw={560}>
      <Stack>
        <Text c="dimmed">{t("realtimeCheckBody")}</Text>
        <Button w="fit-content" loading={check.isPending} onClick={() => check.mutate()} data-testid="realtime-check">
          {t("realtimeCheck")}
        </Button>
        {roundTripMs !== null && <Alert color="teal" data-testid="realtime-check-result">{t("realtimeOk", { ms: roundTripMs })}</Alert>}
        {check.error && <Alert color="red">{messageOf(check.error, "")}</Alert>}
      </Stack>
    </Paper>
  );
}
