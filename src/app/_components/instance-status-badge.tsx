"use client";

import { Badge } from "@mantine/core";
import { useTranslations } from "next-intl";

const colors = { open: "teal", connecting: "yellow", close: "red", refused: "red" } as const;

export type InstanceState = keyof typeof colors;

/** A WhatsApp number's connection state, the same everywhere it is shown. */
export function InstanceStatusBadge({ instanceId, state }: { instanceId: string; state: InstanceState }) {
  const t = useTranslations("instances.states");
  return (
    <Badge color={colors[state]} variant="light" data-testid={`instance-status-${instanceId}`} data-state={state}>
      {t(state)}
    </Badge>
  );
}
