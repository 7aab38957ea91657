"use client";

import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { legalDocumentKinds, type LegalDocumentKindValue } from "~/shared/schemas/legal";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** Terms of use and privacy policy: one draft at a time, published versions frozen. */
export function LegalDocuments() {
  const t = useTranslations("settings.legal");
  const format = useFormatter();
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<LegalDocumentKindValue>("terms");
  const versions = useQuery(trpc.legal.documents.list.queryOptions({ kind }));
  const draft = versions.data?.find((v) => v.status === "draft") ?? null;
  const [body, setBody] = useState("");
  useEffect(() => setBody(draft?.body ?? ""), [draft?.id, draft?.body]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.legal.documents.list.queryKey({ kind }) });
  const onError = (error: unknown) => notifications.show({ color: "red", message: messageOf(error, t("failed")) });
  const save = useMutation(trpc.legal.documents.saveDraft.mutationOptions({ onSuccess: refresh, onError }));
  const publish = useMutation(
    trpc.legal.documents.publish.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("published") });
        await refresh();
        // Publishing new terms asks everyone, the publisher included, to accept them.
        if (kind === "terms") window.location.assign("/accept-terms");
      },
      onError,
    }),
  );
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={4}>{t("documents")}</Title>
            <Text size="sm" c="dimmed">
              {t("documentsIntro")}
            </Text>
          </div>
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as LegalDocumentKindValue)}
            data={legalDocumentKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
          />
        </Group>
        {draft ? (
          <>
            <Textarea
              autosize
              minRows={8}
              maxRows={20}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              label={t("draftOf", { version: draft.version })}
              data-testid="legal-draft"
            />
            <Group justify="flex-end">
              <Button variant="default" loading={save.isPending} onClick={() => save.mutate({ kind, body })}>
                {t("saveDraft")}
              </Button>
              <Button
                loading={publish.isPending}
                onClick={() => publish.mutate({ documentId: draft.id })}
                data-testid="legal-publish"
              >
                {t("publish")}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button
              variant="light"
              loading={save.isPending}
              onClick={() => save.mutate({ kind })}
              data-testid="legal-new-draft"
            >
              {t("newDraft")}
            </Button>
          </Group>
        )}
        {versions.data && versions.data.length === 0 && <Alert color="gray">{t("noDocuments")}</Alert>}
        {versions.data && versions.data.some((v) => v.status === "published") && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("version")}</Table.Th>
                <Table.Th>{t("status")}</Table.Th>
                <Table.Th>{t("publishedAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data
                .filter((v) => v.status === "published")
                .map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.version}</Table.Td>
                    <Table.Td>
                      <Badge color="teal">{t("statusPublished")}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {v.publishedAt &&
                        format.dateTime(new Date(v.publishedAt), { dateStyle: "short", timeStyle: "short" })}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
