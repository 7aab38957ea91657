"use client";

import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { signIn, signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { acceptInvitationWithNewAccountInput } from "~/shared/schemas/account";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { switchOrganization } from "../../../_components/switch-organization";
import { useFormValues } from "../../../_components/use-form-values";
import { useFormCheck } from "../../../_components/use-schema-validation";

/**
 * What an invitation link offers: a new person creates their account; an existing account is attached only
 * once its owner is signed in as it and accepts.
 */
export function InvitationAcceptance(props: { token: string }) {
  const t = useTranslations("access");
  const tRoles = useTranslations("settings.roles");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const router = useRouter();
  const preview = useQuery({ ...trpc.access.previewInvitation.queryOptions({ token: props.token }), retry: false });
  // Who is signed in on this browser, if anyone (an error means nobody, or nobody who can use the app).
  const me = useQuery({ ...trpc.account.me.queryOptions(), retry: false });
  const signedInEmail = me.isSuccess ? me.data.email : null;
  const acceptSignedIn = useMutation(
    trpc.access.acceptInvitationSignedIn.mutationOptions({
      onSuccess: async (accepted) => {
        await switchOrganization(accepted.organizationId);
        router.replace("/");
        router.refresh();
      },
    }),
  );

  if (preview.isPending || me.isPending) return null;
  if (preview.isError) {
    return (
      <Stack>
        <Alert color="red" data-testid="invitation-problem">
          {messageOf(preview.error, "")}
        </Alert>
        <Anchor component={Link} href="/sign-in" size="sm">
          {t("goToSignIn")}
        </Anchor>
      </Stack>
    );
  }
  const invitation = preview.data;
  const here = `/invite/${props.token}`;
  return (
    <Stack>
      <Title order={4}>{t("inviteTitle", { organization: invitation.organizationName })}</Title>
      <Text size="sm">
        {t("inviteBody", {
          organization: invitation.organizationName,
          role: tRoles(invitation.role),
          email: invitation.email,
        })}
      </Text>
      {!invitation.hasAccount ? (
        <NewAccountForm token={props.token} email={invitation.email} />
      ) : signedInEmail === invitation.email ? (
        <Stack>
          <Text size="sm">{t("inviteAcceptAs", { email: signedInEmail })}</Text>
          {acceptSignedIn.error && <Alert color="red">{messageOf(acceptSignedIn.error, "")}</Alert>}
          <Button loading={acceptSignedIn.isPending} onClick={() => acceptSignedIn.mutate({ token: props.token })}>
            {t("inviteAccept")}
          </Button>
        </Stack>
      ) : signedInEmail ? (
        <Stack>
          <Alert color="yellow">{t("inviteWrongAccount", { email: signedInEmail, invited: invitation.email })}</Alert>
          <Button variant="default" onClick={() => void signOut({ callbackUrl: here })}>
            {t("signOut")}
          </Button>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">{t("inviteSignIn")}</Text>
          <Button component={Link} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
            {t("inviteSignInButton")}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

function NewAccountForm(props: { token: string; email: string }) {
  const t = useTranslations("access");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const router = useRouter();
  const { values, setField } = useFormValues({ token: props.token, name: "", password: "" });
  const [signInFailed, setSignInFailed] = useState(false);
  const accept = useMutation(
    trpc.access.acceptInvitation.mutationOptions({
      onSuccess: async () => {
        const result = await signIn("credentials", { email: props.email, password: values.password, redirect: false });
        if (!result || result.error) return setSignInFailed(true);
        router.replace("/");
        router.refresh();
      },
    }),
  );
  const { errors, check } = useFormCheck(acceptInvitationWithNewAccountInput, accept.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => accept.mutate(input));
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("inviteNewAccount")}</Text>
        {accept.error && !Object.keys(errors).length && <Alert color="red">{messageOf(accept.error, "")}</Alert>}
        {signInFailed && (
          <Anchor component={Link} href="/sign-in" size="sm">
            {t("goToSignIn")}
          </Anchor>
        )}
        <TextInput label={t("email")} value={props.email} readOnly autoComplete="username" />
        <TextInput
          label={t("name")}
          value={values.name}
          error={errors.name}
          autoComplete="name"
          onChange={(e) => setField("name", e.currentTarget.value)}
        />
        <PasswordInput
          label={t("password")}
          description={t("passwordHelp")}
          value={values.password}
          error={errors.password}
          autoComplete="new-password"
          onChange={(e) => setField("password", e.currentTarget.value)}
        />
        <Button type="submit" loading={accept.isPending}>
          {t("createAccount")}
        </Button>
      </Stack>
    </form>
  );
}
