"use client";

import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { dataSubjectRequestKinds, dataSubjectRequestOutcomes } from "~/shared/schemas/privacy";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../../_components/data-table";

const clockColor = { on_time: "teal", due_soon: "yellow", overdue: "red", closed: "gray" } as const;

/** Data-subject requests (LGPD Art. 18): register, watch the 15-day clock, export, erase, close. */
export function PrivacyRequests() {
  const t = useTranslations("settings.privacy");
  const { messageOf } = useErrorWording();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [contactId, setContactId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>("access");
  const [outcomes, setOutcomes] = useState<Record<string, string | null>>({});
  const [erasing, setErasing] = useState<{ id: string; contactId: string } | null>(null);
  const contacts = useQuery(
    trpc.contacts.list.queryOptions({ filter: { search: search || undefined }, sort: "name", limit: 20 }),
  );
  const requests = useQuery(trpc.privacy.requests.list.queryOptions({}));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.privacy.requests.list.queryKey() });
  const onError = (error: unknown) => notifications.show({ color: "red", message: messageOf(error, t("failed")) });
  const register = useMutation(trpc.privacy.requests.register.mutationOptions({ onSuccess: refresh, onError }));
  const close = useMutation(trpc.privacy.requests.close.mutationOptions({ onSuccess: refresh, onError }));
  const erase = useMutation(
    trpc.privacy.eraseContact.mutationOptions({
      onSuccess: async (outcome) => {
        notifications.show({ color: "teal", message: t("erased", { messages: outcome.messages }) });
        setErasing(null);
        await refresh();
      },
      onError,
    }),
  );
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short" });

  return (
    <Stack>
      <Modal opened={erasing !== null} onClose={() => setErasing(null)} title={t("eraseTitle")}>
        <Stack>
          <Text size="sm">{t("eraseWarning")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setErasing(null)}>
              {t("cancel")}
            </Button>
            <Button
              color="red"
              loading={erase.isPending}
              onClick={() => erasing && erase.mutate({ contactId: erasing.contactId, requestId: erasing.id })}
            >
              {t("erase")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Title order={4}>{t("requests")}</Title>
      <Text c="dimmed" size="sm">
        {t("requestsIntro")}
      </Text>
      <Group align="end">
        <Select
          label={t("contact")}
          searchable
          w={280}
          data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.displayName} ${c.phone ?? ""}` }))}
          searchValue={search}
          onSearchChange={setSearch}
          value={contactId}
          onChange={setContactId}
          filter={({ options }) => options}
          data-testid="privacy-contact"
        />
        <Select
          label={t("kind")}
          w={240}
          data={dataSubjectRequestKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          value={kind}
          onChange={setKind}
        />
        <Button
          disabled={!contactId || !kind}
          loading={register.isPending}
          onClick={() =>
            contactId && kind && register.mutate({ contactId, kind: kind as (typeof dataSubjectRequestKinds)[number] })
          }
        >
          {t("register")}
        </Button>
      </Group>
      {requests.error && <Alert color="red">{messageOf(requests.error, "")}</Alert>}
      {requests.data?.length === 0 && <Text c="dimmed">{t("noRequests")}</Text>}
      {!!requests.data?.length && (
        <Paper withBorder>
          <DataTable
            testId="privacy-requests"
            minWidth={900}
            rows={requests.data}
            rowKey={(request) => request.id}
            columns={[
              { key: "contact", header: t("contact"), cell: (request) => request.contactName ?? t("erasedContact") },
              { key: "kind", header: t("kind"), cell: (request) => t(`kinds.${request.kind}`) },
              { key: "receivedAt", header: t("receivedAt"), cell: (request) => when(request.receivedAt) },
              { key: "dueAt", header: t("dueAt"), cell: (request) => when(request.dueAt) },
              {
                key: "status",
                header: t("status"),
                cell: (request) => (
                  <Badge color={clockColor[request.clock]}>
                    {request.outcome ? t(`outcomes.${request.outcome}`) : t(`clock.${request.clock}`)}
                  </Badge>
                ),
              },
              {
                key: "actions",
                cell: (request) =>
                  request.status === "open" && (
                    <Group gap="xs" wrap="nowrap">
                      {request.contactId && request.contactName !== null && (
                        <>
                          <Anchor size="sm" href={`/api/privacy/contacts/${request.contactId}/export`}>
                            {t("export")}
                          </Anchor>
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            onClick={() => setErasing({ id: request.id, contactId: request.contactId! })}
                          >
                            {t("erase")}
                          </Button>
                        </>
                      )}
                      <Select
                        size="xs"
                        w={200}
                        placeholder={t("outcome")}
                        data={dataSubjectRequestOutcomes.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
                        value={outcomes[request.id] ?? null}
                        onChange={(value) => setOutcomes((current) => ({ ...current, [request.id]: value }))}
                      />
                      <Button
                        size="xs"
                        variant="default"
                        disabled={!outcomes[request.id]}
                        onClick={() =>
                          close.mutate({
                            requestId: request.id,
                            outcome: outcomes[request.id] as (typeof dataSubjectRequestOutcomes)[number],
                          })
                        }
                      >
                        {t("close")}
                      </Button>
                    </Group>
                  ),
              },
            ]}
          />
        </Paper>
      )}
    </Stack>
  );
}
