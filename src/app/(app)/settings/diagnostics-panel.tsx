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
  const sentAt = useRef(0);
  const pendingCheckId = useRef<string | null>(null);
  // The worker may answer before the mutation's own response arrives: remember early events.
  const early = useRef(new Map<string, number>());
  const [roundTripMs, setRoundTripMs] = useState<number | null>(null);
  const check = useMutation(
    trpc.system.realtimeCheck.mutationOptions({
      onMutate: () => {
        setRoundTripMs(null);
        sentAt.current = performance.now();
      },
      onSuccess: (result) => {
        const arrived = early.current.get(result.checkId);
        if (arrived !== undefined) setRoundTripMs(Math.round(arrived - sentAt.current));
        else pendingCheckId.current = result.checkId;
      },
    }),
  );
  useRealtimeEvent("realtime.check", (event) => {
    if (event.checkId === pendingCheckId.current) {
      setRoundTripMs(Math.round(performance.now() - sentAt.current));
      pendingCheckId.current = null;
    } else {
      early.current.set(event.checkId, performance.now());
    }
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
