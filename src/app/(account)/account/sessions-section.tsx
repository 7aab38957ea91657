"use client";

import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { codedErrorOf, useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";

/** The person's open sessions in every organization: device, address, last seen; end one or all others. */
export function SessionsSection() {
  const t = useTranslations("account");
  const format = useFormatter();
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery({ ...trpc.account.sessions.queryOptions(), retry: false });
  const onSuccess = async (result: { revoked: number }) => {
    notifications.show({ color: "teal", message: t("revokedCount", { count: result.revoked }) });
    await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  };
  const onError = (error: unknown) => notifications.show({ color: "red", message: messageOf(error, "") });
  const revoke = useMutation(trpc.account.revokeSession.mutationOptions({ onSuccess, onError }));
  const revokeOthers = useMutation(trpc.account.revokeOtherSessions.mutationOptions({ onSuccess, onError }));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" });
  const deviceOf = (session: { userAgent: string | null }) => session.userAgent ?? t("unknownDevice");

  if (sessions.isError) {
    // A member whose organization requires a second factor sees only what enrolment needs.
    const reason = codedErrorOf(sessions.error)?.reason;
    return reason === "twoFactorEnrolmentRequired" ? (
      <Alert color="yellow" data-testid="enrol-required">
        {t("enrolRequired")}
      </Alert>
    ) : null;
  }
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t("sessions")}</Title>
          <Button variant="light" color="red" loading={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
            {t("revokeOthers")}
          </Button>
        </Group>
        <DataTable
          testId="sessions-table"
          verticalSpacing="sm"
          minWidth={600}
          rows={sessions.data}
          rowKey={(session) => session.sessionId}
          columns={[
            {
              key: "device",
              header: t("device"),
              cellProps: () => ({ maw: 320, style: { wordBreak: "break-word" } }),
              cell: (session) => (
                <>
                  {deviceOf(session)}{" "}
                  {session.current && (
                    <Badge variant="light" size="xs">
                      {t("thisSession")}
                    </Badge>
                  )}
                </>
              ),
            },
            { key: "ip", header: t("ip"), cell: (session) => session.ip ?? "—" },
            { key: "startedAt", header: t("startedAt"), cell: (session) => when(session.createdAt) },
            { key: "lastSeen", header: t("lastSeen"), cell: (session) => when(session.lastSeenAt) },
            {
              key: "revoke",
              cell: (session) =>
                !session.current && (
                  <Tooltip label={t("revokeNamed", { device: deviceOf(session) })}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("revokeNamed", { device: deviceOf(session) })}
                      onClick={() => revoke.mutate({ sessionId: session.sessionId })}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                ),
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}
