"use client";

import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { createContactInput } from "~/shared/schemas/contacts";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormCheck } from "../../../_components/use-schema-validation";

/** Adds a contact by phone; a number already known opens that contact instead. */
export function NewContactModal(props: { onClose: () => void; onCreated: (contactId: string) => void }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts.new");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.contacts.create.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: result.created ? "teal" : "blue",
          message: result.created ? t("created") : t("existing"),
        });
        await queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.contacts.count.pathKey() });
        props.onCreated(result.contactId);
      },
    }),
  );
  const { errors, check } = useFormCheck(createContactInput, create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    check({ phone, name: name.trim() || undefined }, (input) => create.mutate(input));
  }

  return (
    <Modal opened onClose={props.onClose} title={t("title")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && !errors.phone && <Alert color="red">{messageOf(create.error, "")}</Alert>}
          <TextInput
            label={t("phone")}
            description={t("phoneHelp")}
            placeholder="(11) 98765-4321"
            value={phone}
            error={errors.phone}
            data-autofocus
            required
            onChange={(e) => setPhone(e.currentTarget.value)}
            data-testid="new-contact-phone"
          />
          <TextInput
            label={t("name")}
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-contact-submit">
              {t("submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
