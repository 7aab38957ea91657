"use client";

import {
  Alert,
  Box,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { confirmTwoFactorInput, secondFactorCodeInput } from "~/shared/schemas/account";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormValues } from "../../_components/use-form-values";
import { useFormCheck } from "../../_components/use-schema-validation";

/** Two-step verification: turn on (QR + a code), off or new recovery codes (each with a current code). */
export function TwoFactorSection() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const status = useQuery(trpc.account.twoFactorStatus.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);
  const [changing, setChanging] = useState<"disable" | "regenerate" | null>(null);
  const start = useMutation(trpc.account.startTwoFactor.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.twoFactorStatus.queryKey() });

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t("twoFactor")}</Title>
        {codes ? (
          <Stack>
            <Alert color="yellow">{t("recoveryCodes")}</Alert>
            <SimpleGrid cols={2} data-testid="recovery-codes">
              {codes.map((code) => (
                <Code key={code}>{code}</Code>
              ))}
            </SimpleGrid>
            <Group>
              <Button
                onClick={() => {
                  setCodes(null);
                  start.reset();
                  router.refresh();
                }}
              >
                {t("done")}
              </Button>
            </Group>
          </Stack>
        ) : status.data?.enabled ? (
          <Stack>
            <Text size="sm" data-testid="two-factor-on">
              {t("twoFactorOn", { count: status.data.recoveryCodesLeft })}
            </Text>
            <Group>
              <Button variant="default" onClick={() => setChanging("regenerate")}>
                {t("regenerate")}
              </Button>
              <Button variant="light" color="red" onClick={() => setChanging("disable")}>
                {t("disable")}
              </Button>
            </Group>
          </Stack>
        ) : start.data ? (
          <Enrolment
            enrolment={start.data}
            onConfirmed={async (recoveryCodes) => {
              setCodes(recoveryCodes);
              await refresh();
            }}
          />
        ) : (
          <Stack>
            <Text size="sm">{t("twoFactorOff")}</Text>
            <Group>
              <Button loading={start.isPending} onClick={() => start.mutate()}>
                {t("enable")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      <FactorChange
        kind={changing}
        onClose={() => setChanging(null)}
        onDone={async (recoveryCodes) => {
          setChanging(null);
          if (recoveryCodes) setCodes(recoveryCodes);
          await refresh();
        }}
      />
    </Paper>
  );
}

function Enrolment(props: {
  enrolment: { qrSvg: string; secret: string };
  onConfirmed: (recoveryCodes: string[]) => Promise<void>;
}) {
  const t = useTranslations("account");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const { values, setField } = useFormValues({ code: "" });
  const confirm = useMutation(
    trpc.account.confirmTwoFactor.mutationOptions({ onSuccess: (result) => props.onConfirmed(result.recoveryCodes) }),
  );
  const { errors, check } = useFormCheck(confirmTwoFactorInput, confirm.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => confirm.mutate(input));
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("scan")}</Text>
        {/* The SVG is drawn on the server from the otpauth URI (qrcode); nothing leaves the machine. */}
        <Box w={200} h={200} data-testid="two-factor-qr" dangerouslySetInnerHTML={{ __html: props.enrolment.qrSvg }} />
        <Text size="sm">
          {t("secret")}: <Code data-testid="two-factor-secret">{props.enrolment.secret}</Code>
        </Text>
        {confirm.error && !Object.keys(errors).length && <Alert color="red">{messageOf(confirm.error, "")}</Alert>}
        <TextInput
          label={t("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          value={values.code}
          error={errors.code}
          onChange={(e) => setField("code", e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            {t("confirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FactorChange(props: {
  kind: "disable" | "regenerate" | null;
  onClose: () => void;
  onDone: (recoveryCodes: string[] | null) => Promise<void>;
}) {
  const t = useTranslations("account");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const { values, setValues, setField } = useFormValues({ code: "" });
  const disable = useMutation(
    trpc.account.disableTwoFactor.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("disabled") });
        await props.onDone(null);
      },
    }),
  );
  const regenerate = useMutation(
    trpc.account.regenerateRecoveryCodes.mutationOptions({ onSuccess: (result) => props.onDone(result.recoveryCodes) }),
  );
  const active = props.kind === "disable" ? disable : regenerate;
  const { errors, check, reset } = useFormCheck(secondFactorCodeInput, active.error);
  function close() {
    setValues({ code: "" });
    reset();
    disable.reset();
    regenerate.reset();
    props.onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => (props.kind === "disable" ? disable.mutate(input) : regenerate.mutate(input)));
  }
  return (
    <Modal
      opened={props.kind !== null}
      onClose={close}
      title={props.kind === "disable" ? t("disable") : t("regenerate")}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.kind === "disable" ? t("disableBody") : t("regenerateBody")}</Text>
          {active.error && !Object.keys(errors).length && <Alert color="red">{messageOf(active.error, "")}</Alert>}
          <TextInput
            label={t("factorCode")}
            autoComplete="one-time-code"
            value={values.code}
            error={errors.code}
            onChange={(e) => setField("code", e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" color={props.kind === "disable" ? "red" : undefined} loading={active.isPending}>
              {props.kind === "disable" ? t("disable") : t("regenerate")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
