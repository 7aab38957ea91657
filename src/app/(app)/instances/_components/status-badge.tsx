"use client";

import { Badge } from "@mantine/core";
import { useTranslations } from "next-intl";

const colors = { open: "teal", connecting: "yellow", close: "red", refused: "red" } as const;

export function StatusBadge({ instanceId, state }: { instanceId: string; state: keyof typeof colors }) {
  const t = useTranslations("instances.states");
  return (
    <Badge color={colors[state]} variant="light" data-testid={`instance-status-${instanceId}`} data-state={state}>
      {t(state)}
    </Badge>
  );
}
