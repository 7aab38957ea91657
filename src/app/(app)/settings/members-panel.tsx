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
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconTrash, IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { addMemberInput, memberRoles } from "~/shared/schemas/members";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormValues } from "../../_components/use-form-values";
import { useFormCheck } from "../../_components/use-schema-validation";
import { useMyRole } from "../../_components/use-my-role";

type Role = (typeof memberRoles)[number];

export function MembersPanel() {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const me = useMyRole();
  const [addOpened, addModal] = useDisclosure(false);
  const [removing, setRemoving] = useState<{ membershipId: string; name: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const onError = (error: unknown) => notifications.show({ color: "red", message: messageOf(error, t("save")) });
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
      onError,
    }),
  );
  const { isAdmin } = me;
  const roleOptions = memberRoles
    .filter((role) => role !== "owner" || me.role === "owner")
    .map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <Stack>
      {isAdmin && (
        <Group>
          <Button leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
            {t("addMember")}
          </Button>
        </Group>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm" data-testid="members-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("memberName")}</Table.Th>
                <Table.Th>{t("memberEmail")}</Table.Th>
                <Table.Th>{t("role")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data?.map((member) => {
                const self = member.userId === me.userId;
                const editable = isAdmin && !self && (member.role !== "owner" || me.role === "owner");
                return (
                  <Table.Tr key={member.membershipId}>
                    <Table.Td>
                      {member.name}{" "}
                      {self && (
                        <Badge variant="light" size="xs">
                          {t("you")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      {editable ? (
                        <Select
                          aria-label={t("role")}
                          size="xs"
                          w={160}
                          data={roleOptions}
                          value={member.role}
                          allowDeselect={false}
                          onChange={(role) =>
                            role && changeRole.mutate({ membershipId: member.membershipId, role: role as Role })
                          }
                        />
                      ) : (
                        <Text size="sm">{t(`roles.${member.role}`)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {editable && (
                        <Tooltip label={t("remove")}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("remove")}
                            onClick={() => setRemoving({ membershipId: member.membershipId, name: member.name })}
                          >
                            <IconTrash size={16} />
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
      </Paper>
      <AddMemberModal opened={addOpened} onClose={addModal.close} roleOptions={roleOptions} onAdded={refresh} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t("remove")}>
        <Stack>
          <Text>{t("removeConfirm", { name: removing?.name ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t("cancel")}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate({ membershipId: removing.membershipId })}
            >
              {t("confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function AddMemberModal(props: {
  opened: boolean;
  onClose: () => void;
  roleOptions: { value: string; label: string }[];
  onAdded: () => Promise<void>;
}) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const { values, setValues, setField } = useFormValues({ name: "", email: "", role: "agent" as Role });
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const add = useMutation(
    trpc.members.add.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: "teal", message: t("memberAdded") });
        if (result.temporaryPassword) setCreated({ email: result.member.email, password: result.temporaryPassword });
        else close();
        setValues({ name: "", email: "", role: "agent" });
        await props.onAdded();
      },
    }),
  );
  const { errors, check, reset } = useFormCheck(addMemberInput, add.error);
  function close() {
    setCreated(null);
    reset();
    add.reset();
    props.onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => add.mutate(input));
  }
  return (
    <Modal opened={props.opened} onClose={close} title={t("addMember")}>
      {created ? (
        <Stack>
          <Alert color="teal" data-testid="temporary-password">
            {t("temporaryPassword", created)}
          </Alert>
          <Button onClick={close}>{t("confirm")}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {add.error && !Object.keys(errors).length && <Alert color="red">{messageOf(add.error, "")}</Alert>}
            <TextInput
              label={t("memberName")}
              value={values.name}
              error={errors.name}
              onChange={(e) => setField("name", e.currentTarget.value)}
            />
            <TextInput
              label={t("memberEmail")}
              type="email"
              value={values.email}
              error={errors.email}
              onChange={(e) => setField("email", e.currentTarget.value)}
            />
            <Select
              label={t("role")}
              data={props.roleOptions}
              value={values.role}
              allowDeselect={false}
              error={errors.role}
              onChange={(role) => role && setValues((v) => ({ ...v, role: role as Role }))}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("cancel")}
              </Button>
              <Button type="submit" loading={add.isPending}>
                {t("addMember")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
