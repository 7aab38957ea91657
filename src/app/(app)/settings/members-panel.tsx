"use client";

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconKey, IconSend, IconTrash, IconUserPlus, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { inviteMemberInput, memberRoles } from "~/shared/schemas/members";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";
import { useFormValues } from "../../_components/use-form-values";
import { useFormCheck } from "../../_components/use-schema-validation";
import { useMyRole } from "../../_components/use-my-role";
import { MemberHoldsCard } from "./member-holds-card";

type Role = (typeof memberRoles)[number];

export function MembersPanel() {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const me = useMyRole();
  const [inviteOpened, inviteModal] = useDisclosure(false);
  const [resetting, setResetting] = useState<{ membershipId: string; name: string } | null>(null);
  const [removing, setRemoving] = useState<{ membershipId: string; name: string } | null>(null);
  // Members and pending invitations change together (an invitation sent, accepted or withdrawn).
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
  };
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
  const editable = (member: { userId: string; role: Role }) =>
    isAdmin && member.userId !== me.userId && (member.role !== "owner" || me.role === "owner");

  return (
    <Stack>
      {isAdmin && <MemberHoldsCard />}
      {isAdmin && (
        <Group>
          <Button leftSection={<IconUserPlus size={16} />} onClick={inviteModal.open}>
            {t("invite")}
          </Button>
        </Group>
      )}
      <Paper withBorder>
        <DataTable
          testId="members-table"
          verticalSpacing="sm"
          minWidth={520}
          rows={members.data}
          rowKey={(member) => member.membershipId}
          columns={[
            {
              key: "name",
              header: t("memberName"),
              cell: (member) => (
                <>
                  {member.name}{" "}
                  {member.userId === me.userId && (
                    <Badge variant="light" size="xs">
                      {t("you")}
                    </Badge>
                  )}
                </>
              ),
            },
            { key: "email", header: t("memberEmail"), cell: (member) => member.email },
            {
              key: "role",
              header: t("role"),
              cell: (member) =>
                editable(member) ? (
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
                ),
            },
            {
              key: "actions",
              cell: (member) =>
                editable(member) && (
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Tooltip label={t("resetLinkNamed", { name: member.name })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("resetLinkNamed", { name: member.name })}
                        onClick={() => setResetting({ membershipId: member.membershipId, name: member.name })}
                      >
                        <IconKey size={16} />
                      </ActionIcon>
                    </Tooltip>
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
                  </Group>
                ),
            },
          ]}
        />
      </Paper>
      {isAdmin && <PendingInvitations onChanged={refresh} />}
      <InviteModal opened={inviteOpened} onClose={inviteModal.close} roleOptions={roleOptions} onInvited={refresh} />
      <ResetLinkModal member={resetting} onClose={() => setResetting(null)} />
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

function InviteModal(props: {
  opened: boolean;
  onClose: () => void;
  roleOptions: { value: string; label: string }[];
  onInvited: () => Promise<void>;
}) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const { values, setValues, setField } = useFormValues({ email: "", role: "agent" as Role });
  const [created, setCreated] = useState<{ email: string; link: string; emailed: boolean } | null>(null);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: "teal", message: t("invited") });
        setCreated({ email: result.invitation.email, link: result.link, emailed: result.emailed });
        setValues({ email: "", role: "agent" });
        await props.onInvited();
      },
    }),
  );
  const { errors, check, reset } = useFormCheck(inviteMemberInput, invite.error);
  function close() {
    setCreated(null);
    reset();
    invite.reset();
    props.onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => invite.mutate(input));
  }
  return (
    <Modal opened={props.opened} onClose={close} title={t("invite")}>
      {created ? (
        <InvitationSent sent={created} onClose={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t("inviteIntro")}
            </Text>
            {invite.error && !Object.keys(errors).length && <Alert color="red">{messageOf(invite.error, "")}</Alert>}
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
              <Button type="submit" loading={invite.isPending}>
                {t("inviteSend")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Where an invitation link went: by e-mail, or only here to copy. */
function InvitationSent(props: { sent: { email: string; link: string; emailed: boolean }; onClose: () => void }) {
  const t = useTranslations("settings");
  const { email, link, emailed } = props.sent;
  return (
    <Stack>
      <Text size="sm">{emailed ? t("inviteLinkEmailed", { email }) : t("inviteLinkCopy", { email })}</Text>
      <LinkToCopy link={link} testId="invitation-link" />
      <Button onClick={props.onClose}>{t("close")}</Button>
    </Stack>
  );
}

/** A link shown once to an admin, to copy and hand over. */
function LinkToCopy(props: { link: string; testId: string }) {
  const t = useTranslations("settings");
  return (
    <Group gap="xs" wrap="nowrap">
      <Code block data-testid={props.testId} style={{ flex: 1, wordBreak: "break-all", whiteSpace: "normal" }}>
        {props.link}
      </Code>
      <CopyButton value={props.link}>
        {({ copied, copy }) => (
          <Button variant="light" size="xs" onClick={copy}>
            {copied ? t("copied") : t("copy")}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function PendingInvitations(props: { onChanged: () => Promise<void> }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const [resent, setResent] = useState<{ email: string; link: string; emailed: boolean } | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
    await props.onChanged();
  };
  const onError = (error: unknown) => notifications.show({ color: "red", message: messageOf(error, t("save")) });
  const resend = useMutation(
    trpc.members.resendInvitation.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: "teal", message: t("resent") });
        setResent({ email: result.invitation.email, link: result.link, emailed: result.emailed });
        await refresh();
      },
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("revoked") });
        await refresh();
      },
      onError,
    }),
  );
  return (
    <Stack gap="xs">
      <Title order={4}>{t("invitations")}</Title>
      {invitations.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("invitationsEmpty")}
        </Text>
      ) : (
        <Paper withBorder>
          <DataTable
            testId="invitations-table"
            verticalSpacing="sm"
            minWidth={520}
            rows={invitations.data}
            rowKey={(invitation) => invitation.invitationId}
            columns={[
              { key: "email", header: t("memberEmail"), cell: (invitation) => invitation.email },
              { key: "role", header: t("role"), cell: (invitation) => t(`roles.${invitation.role}`) },
              { key: "invitedBy", header: t("invitedBy"), cell: (invitation) => invitation.invitedByName ?? "—" },
              {
                key: "expires",
                header: t("expires"),
                cell: (invitation) => (
                  <>
                    {format.dateTime(invitation.expiresAt, { dateStyle: "short", timeStyle: "short" })}{" "}
                    {invitation.expired && (
                      <Badge color="red" variant="light" size="xs">
                        {t("expiredBadge")}
                      </Badge>
                    )}
                  </>
                ),
              },
              {
                key: "actions",
                cell: (invitation) => (
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Tooltip label={t("resendNamed", { email: invitation.email })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("resendNamed", { email: invitation.email })}
                        onClick={() => resend.mutate({ invitationId: invitation.invitationId })}
                      >
                        <IconSend size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t("revokeNamed", { email: invitation.email })}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("revokeNamed", { email: invitation.email })}
                        onClick={() => revoke.mutate({ invitationId: invitation.invitationId })}
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ),
              },
            ]}
          />
        </Paper>
      )}
      <Modal opened={resent !== null} onClose={() => setResent(null)} title={t("resent")}>
        {resent && <InvitationSent sent={resent} onClose={() => setResent(null)} />}
      </Modal>
    </Stack>
  );
}

function ResetLinkModal(props: { member: { membershipId: string; name: string } | null; onClose: () => void }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const format = useFormatter();
  const trpc = useTRPC();
  const issue = useMutation(trpc.members.issuePasswordReset.mutationOptions());
  const { mutate, reset } = issue;
  const membershipId = props.member?.membershipId;
  useEffect(() => {
    if (membershipId) mutate({ membershipId });
    else reset();
  }, [membershipId, mutate, reset]);
  return (
    <Modal opened={props.member !== null} onClose={props.onClose} title={t("resetLink")}>
      <Stack>
        {issue.error && <Alert color="red">{messageOf(issue.error, "")}</Alert>}
        {issue.data && props.member && (
          <>
            <Text size="sm">
              {t("resetLinkIssued", {
                name: props.member.name,
                expiresAt: format.dateTime(issue.data.expiresAt, { dateStyle: "short", timeStyle: "short" }),
              })}
            </Text>
            <LinkToCopy link={issue.data.link} testId="reset-link" />
          </>
        )}
        <Button onClick={props.onClose}>{t("close")}</Button>
      </Stack>
    </Modal>
  );
}
