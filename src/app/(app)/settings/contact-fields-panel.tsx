"use client";

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { contactFieldTypes, createContactFieldInput, type ContactFieldTypeValue } from "~/shared/schemas/contacts";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { useMyRole } from "../../_components/use-my-role";
import { useFormCheck } from "../../_components/use-schema-validation";

type Field = RouterOutputs["contacts"]["fields"]["list"][number];

/** `Data de nascimento` → `data_de_nascimento`: a key suggestion from the label. */
function keyFrom(label: string): string {
  return label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^(\d)/, "campo_$1")
    .slice(0, 40);
}

/** Custom contact fields (text, number, date): filled in on the contact page and by imports. */
export function ContactFieldsPanel() {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings.contactFields");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = useQuery(trpc.contacts.fields.list.queryOptions());
  const { isAdmin, loaded } = useMyRole();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Field | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.contacts.fields.list.queryKey() });
  const remove = useMutation(
    trpc.contacts.fields.delete.mutationOptions({
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
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="contact-field-add">
            {t("add")}
          </Button>
        </Group>
      )}
      {fields.error && <Alert color="red">{messageOf(fields.error, "")}</Alert>}
      {fields.data?.length === 0 && (
        <Paper withBorder p="lg" data-testid="contact-fields-empty">
          <Text c="dimmed" ta="center">
            {t("empty")}
          </Text>
        </Paper>
      )}
      {!!fields.data?.length && (
        <Paper withBorder>
          <Table verticalSpacing="sm" data-testid="contact-fields-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("label")}</Table.Th>
                <Table.Th>{t("key")}</Table.Th>
                <Table.Th>{t("type")}</Table.Th>
                {isAdmin && <Table.Th w={60} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data.map((field) => (
                <Table.Tr key={field.id} data-testid="contact-field-row" data-key={field.key}>
                  <Table.Td>{field.label}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {field.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`types.${field.type}`)}
                    </Badge>
                  </Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Tooltip label={t("delete")}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("deleteNamed", { label: field.label })}
                          onClick={() => setRemoving(field)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {adding && (
        <FieldModal
          onClose={() => setAdding(false)}
          onSaved={async () => {
            setAdding(false);
            notifications.show({ color: "teal", message: t("saved") });
            await refresh();
          }}
        />
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t("delete")}>
        <Stack>
          <Text>{t("deleteConfirm", { label: removing?.label ?? "" })}</Text>
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

function FieldModal(props: { onClose: () => void; onSaved: () => Promise<void> }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings.contactFields");
  const trpc = useTRPC();
  const [label, setLabel] = useState("");
  const [key, setKey] = useState("");
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<ContactFieldTypeValue>("text");
  const create = useMutation(trpc.contacts.fields.create.mutationOptions({ onSuccess: props.onSaved }));
  const { errors, check } = useFormCheck(createContactFieldInput, create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    check({ label, key: keyEdited ? key : keyFrom(label), type }, (input) => create.mutate(input));
  }

  return (
    <Modal opened onClose={props.onClose} title={t("add")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && !Object.keys(errors).length && <Alert color="red">{messageOf(create.error, "")}</Alert>}
          <TextInput
            label={t("label")}
            value={label}
            error={errors.label}
            data-autofocus
            onChange={(e) => setLabel(e.currentTarget.value)}
            data-testid="contact-field-label"
          />
          <TextInput
            label={t("key")}
            description={t("keyHelp")}
            value={keyEdited ? key : keyFrom(label)}
            error={errors.key}
            onChange={(e) => {
              setKeyEdited(true);
              setKey(e.currentTarget.value);
            }}
            data-testid="contact-field-key"
          />
          <Select
            label={t("type")}
            data={contactFieldTypes.map((value) => ({ value, label: t(`types.${value}`) }))}
            value={type}
            allowDeselect={false}
            onChange={(value) => setType((value ?? "text") as ContactFieldTypeValue)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="contact-field-save">
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
