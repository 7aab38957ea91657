"use client";

import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { quickReplyInput } from "~/shared/schemas/inbox";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { useFormValues } from "../../_components/use-form-values";
import { useMyRole } from "../../_components/use-my-role";
import { useFormCheck } from "../../_components/use-schema-validation";
import { DataTable } from "../../_components/data-table";

type QuickReply = RouterOutputs["quickReplies"]["list"][number];

/** Canned answers typed with "/" in the inbox composer; admins keep the list. */
export function QuickRepliesPanel() {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings.quickReplies");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replies = useQuery(trpc.quickReplies.list.queryOptions());
  const { isAdmin, loaded } = useMyRole();
  const [editing, setEditing] = useState<QuickReply | "new" | null>(null);
  const [removing, setRemoving] = useState<QuickReply | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.quickReplies.list.queryKey() });
  const remove = useMutation(
    trpc.quickReplies.delete.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("deleteError")) }),
    }),
  );

  return (
    <Stack maw={880}>
      <Text c="dimmed">{t("intro")}</Text>
      {loaded && !isAdmin && <Alert color="gray">{t("onlyAdmins")}</Alert>}
      {isAdmin && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            {t("add")}
          </Button>
        </Group>
      )}
      {replies.error && <Alert color="red">{messageOf(replies.error, "")}</Alert>}
      {replies.data?.length === 0 && (
        <Paper withBorder p="lg" data-testid="quick-replies-empty">
          <Text c="dimmed" ta="center">
            {t("empty")}
          </Text>
        </Paper>
      )}
      {!!replies.data?.length && (
        <Paper withBorder>
          <DataTable
            testId="quick-replies-table"
            verticalSpacing="sm"
            minWidth={520}
            rows={replies.data}
            rowKey={(reply) => reply.id}
            columns={[
              {
                key: "shortcut",
                header: t("shortcut"),
                width: 180,
                cell: (reply) => (
                  <Text ff="monospace" size="sm">
                    /{reply.shortcut}
                  </Text>
                ),
              },
              {
                key: "body",
                header: t("body"),
                cell: (reply) => (
                  <Text size="sm" lineClamp={3} style={{ whiteSpace: "pre-wrap" }}>
                    {reply.body}
                  </Text>
                ),
              },
              ...(isAdmin
                ? [
                    {
                      key: "actions",
                      width: 90,
                      cell: (reply: QuickReply) => (
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t("edit")}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t("editNamed", { shortcut: reply.shortcut })}
                              onClick={() => setEditing(reply)}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t("delete")}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t("deleteNamed", { shortcut: reply.shortcut })}
                              onClick={() => setRemoving(reply)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Paper>
      )}
      {editing && (
        <QuickReplyModal
          reply={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            notifications.show({ color: "teal", message: t("saved") });
            await refresh();
          }}
        />
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t("delete")}>
        <Stack>
          <Text>{t("deleteConfirm", { shortcut: removing?.shortcut ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t("cancel")}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate({ id: removing.id })}
            >
              {t("delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function QuickReplyModal(props: { reply: QuickReply | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings.quickReplies");
  const trpc = useTRPC();
  const { values, setField } = useFormValues({
    shortcut: props.reply?.shortcut ?? "",
    body: props.reply?.body ?? "",
  });
  const create = useMutation(trpc.quickReplies.create.mutationOptions({ onSuccess: props.onSaved }));
  const update = useMutation(trpc.quickReplies.update.mutationOptions({ onSuccess: props.onSaved }));
  const save = props.reply ? update : create;
  const { errors, check } = useFormCheck(quickReplyInput, save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { shortcut: values.shortcut.replace(/^\//, ""), body: values.body };
    check(input, (checked) => {
      if (props.reply) update.mutate({ ...checked, id: props.reply.id });
      else create.mutate(checked);
    });
  }

  return (
    <Modal opened onClose={props.onClose} title={props.reply ? t("edit") : t("add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error && !Object.keys(errors).length && <Alert color="red">{messageOf(save.error, "")}</Alert>}
          <TextInput
            label={t("shortcut")}
            description={t("shortcutHelp")}
            leftSection="/"
            value={values.shortcut}
            error={errors.shortcut}
            data-autofocus
            onChange={(e) => setField("shortcut", e.currentTarget.value)}
          />
          <Textarea
            label={t("body")}
            autosize
            minRows={4}
            maxRows={12}
            value={values.body}
            error={errors.body}
            onChange={(e) => setField("body", e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
