"use client";

import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { codedErrorOf, useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

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
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("device")}</Table.Th>
                <Table.Th>{t("ip")}</Table.Th>
                <Table.Th>{t("startedAt")}</Table.Th>
                <Table.Th>{t("lastSeen")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data?.map((session) => {
                const device = session.userAgent ?? t("unknownDevice");
                return (
                  <Table.Tr key={session.sessionId}>
                    <Table.Td maw={320} style={{ wordBreak: "break-word" }}>
                      {device}{" "}
                      {session.current && (
                        <Badge variant="light" size="xs">
                          {t("thisSession")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{session.ip ?? "—"}</Table.Td>
                    <Table.Td>{when(session.createdAt)}</Table.Td>
                    <Table.Td>{when(session.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {!session.current && (
                        <Tooltip label={t("revokeNamed", { device })}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("revokeNamed", { device })}
                            onClick={() => revoke.mutate({ sessionId: session.sessionId })}
                          >
                            <IconX size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
