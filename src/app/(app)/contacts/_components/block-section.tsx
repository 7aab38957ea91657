"use client";

import { Alert, Button, Group, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconBan } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { setContactBlockedInput } from "~/shared/schemas/contacts";
import { useFormCheck } from "../../../_components/use-schema-validation";
import { useMyRole } from "../../../_components/use-my-role";
import type { ContactDetail } from "./types";

/** Blocking keeps campaigns away from a contact; any member blocks, an admin lifts it. */
export function BlockSection(props: { contact: ContactDetail; timeZone: string; onSaved: () => Promise<void> }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts.block");
  const format = useFormatter();
  const trpc = useTRPC();
  const { isAdmin } = useMyRole();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState("");
  const blocked = props.contact.blocked;
  const save = useMutation(
    trpc.contacts.setBlocked.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        setReason("");
        await props.onSaved();
      },
    }),
  );
  const { errors, check } = useFormCheck(setContactBlockedInput, save.error);

  return (
    <Stack gap="xs">
      <Title order={5}>{t("title")}</Title>
      {blocked ? (
        <Alert color="dark" icon={<IconBan size={18} />} data-testid="contact-blocked">
          <Stack gap={4}>
            <Text size="sm">
              {t("blockedSince", {
                at: format.dateTime(new Date(blocked.at), {
                  dateStyle: "short",
                  timeStyle: "short",
                  timeZone: props.timeZone,
                }),
              })}
            </Text>
            {blocked.reason && <Text size="sm">{t("reasonIs", { reason: blocked.reason })}</Text>}
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t("explain")}
        </Text>
      )}
      <Group>
        {!blocked && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconBan size={16} />}
            onClick={() => setEditing(true)}
            data-testid="block-button"
          >
            {t("block")}
          </Button>
        )}
        {blocked && isAdmin && (
          <Button variant="default" onClick={() => setEditing(true)} data-testid="unblock-button">
            {t("unblock")}
          </Button>
        )}
        {blocked && !isAdmin && (
          <Text size="xs" c="dimmed">
            {t("onlyAdminsUnblock")}
          </Text>
        )}
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={blocked ? t("unblock") : t("block")}>
        <Stack>
          {save.error && !errors.reason && <Alert color="red">{messageOf(save.error, "")}</Alert>}
          <Textarea
            label={blocked ? t("unblockReason") : t("reason")}
            required={!blocked}
            autosize
            minRows={2}
            value={reason}
            error={errors.reason}
            data-autofocus
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="block-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
            <Button
              color={blocked ? undefined : "red"}
              loading={save.isPending}
              onClick={() =>
                check({ contactId: props.contact.id, blocked: !blocked, reason: reason.trim() || undefined }, (input) =>
                  save.mutate(input),
                )
              }
              data-testid="block-confirm"
            >
              {blocked ? t("unblock") : t("block")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
