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
import { useState } from "react";
import { legalDocumentKinds, type LegalDocumentKindValue } from "~/shared/schemas/legal";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useRouter } from "next/navigation";

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
  const router = useRouter();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.legal.documents.list.queryKey({ kind }) });
  const onError = (error: unknown) => notifications.show({ color: "red", message: messageOf(error, t("failed")) });
  const save = useMutation(trpc.legal.documents.saveDraft.mutationOptions({ onSuccess: refresh, onError }));
  const publish = useMutation(
    trpc.legal.documents.publish.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("published") });
        await refresh();
        // Publishing new terms asks everyone, the publisher included, to accept them.
        if (kind === "terms") router.push("/accept-terms");
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
          <DraftEditor
            key={`${draft.id}:${draft.body.length}`}
            draft={draft}
            saving={save.isPending}
            publishing={publish.isPending}
            onSave={(body) => save.mutate({ kind, body })}
            onPublish={() => publish.mutate({ documentId: draft.id })}
          />
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

function DraftEditor(props: {
  draft: { id: string; version: number; body: string };
  saving: boolean;
  publishing: boolean;
  onSave: (body: string) => void;
  onPublish: () => void;
}) {
  const t = useTranslations("settings.legal");
  const [body, setBody] = useState(props.draft.body);
  return (
    <>
      <Textarea
        autosize
        minRows={8}
        maxRows={20}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        label={t("draftOf", { version: props.draft.version })}
        data-testid="legal-draft"
      />
      <Group justify="flex-end">
        <Button variant="default" loading={props.saving} onClick={() => props.onSave(body)}>
          {t("saveDraft")}
        </Button>
        <Button loading={props.publishing} onClick={props.onPublish} data-testid="legal-publish">
          {t("publish")}
        </Button>
      </Group>
    </>
  );
}
