"use client";

import {
  Alert,
  Button,
  Center,
  Image,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { formatPhone } from "../../../_components/format-phone";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

type Pairing = Pick<RouterOutputs["instances"]["connect"], "qrDataUrl" | "pairingCode">;

/** Pairs a number: the QR refreshes live from `qrcode.updated`; a pairing code is the alternative. */
export function QrModal(props: { instanceId: string; name: string; opened: boolean; onClose: () => void }) {
  const { messageOf, fieldErrorsOf } = useErrorWording();
  const t = useTranslations("instances");
  const trpc = useTRPC();
  const [mode, setMode] = useState<"qr" | "code">("qr");
  const [phone, setPhone] = useState("");
  const [pairing, setPairing] = useState<Pairing | null>(null);
  // Live events drive this; the slow poll only covers an event missed while the socket reconnected.
  const detail = useQuery({
    ...trpc.instances.get.queryOptions({ instanceId: props.instanceId }),
    enabled: props.opened,
    refetchInterval: (query) => (query.state.data?.state === "open" ? false : 5_000),
  });
  const connect = useMutation(trpc.instances.connect.mutationOptions({ onSuccess: (result) => setPairing(result) }));
  const { mutate } = connect;

  useEffect(() => {
    if (props.opened) mutate({ instanceId: props.instanceId });
  }, [props.opened, props.instanceId, mutate]);

  // Events carry ids only (a QR image is too large for Postgres NOTIFY): refetch and show the new one.
  const { refetch } = detail;
  useRealtimeEvent("instance.qr", (event) => {
    if (event.instanceId !== props.instanceId) return;
    void refetch().then(({ data }) => data && setPairing({ qrDataUrl: data.qrDataUrl, pairingCode: data.pairingCode }));
  });

  const connected = detail.data?.state === "open" || connect.data?.state === "open";
  const errors = fieldErrorsOf(connect.error);

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("connectTitle", { name: props.name })} size="md">
      <Stack>
        {connected ? (
          <Alert color="teal" data-testid="qr-connected">
            {t("connected", { phone: formatPhone(detail.data?.phoneNumber) })}
          </Alert>
        ) : (
          <>
            <SegmentedControl
              value={mode}
              onChange={(value) => setMode(value as "qr" | "code")}
              data={[
                { value: "qr", label: t("qrMode") },
                { value: "code", label: t("codeMode") },
              ]}
            />
            {connect.error && !Object.keys(errors).length && <Alert color="red">{messageOf(connect.error, "")}</Alert>}
            {mode === "qr" ? (
              <Stack align="center">
                {pairing?.qrDataUrl ? (
                  <Image src={pairing.qrDataUrl} alt="QR code" w={264} h={264} data-testid="qr-image" />
                ) : (
                  <Center h={264}>
                    <Stack align="center">
                      <Loader />
                      <Text c="dimmed" size="sm">
                        {t("waitingQr")}
                      </Text>
                    </Stack>
                  </Center>
                )}
                <Text size="sm" c="dimmed" ta="center">
                  {t("scanHelp")}
                </Text>
              </Stack>
            ) : (
              <Stack>
                <TextInput
                  label={t("pairingPhone")}
                  placeholder="5511987654321"
                  value={phone}
                  error={errors.phoneNumber}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                />
                <Button
                  w="fit-content"
                  loading={connect.isPending}
                  onClick={() => mutate({ instanceId: props.instanceId, phoneNumber: phone })}
                >
                  {t("requestCode")}
                </Button>
                {pairing?.pairingCode && (
                  <Title order={2} ff="monospace" ta="center" data-testid="pairing-code">
                    {pairing.pairingCode.replace(/(.{4})/, "$1-")}
                  </Title>
                )}
                <Text size="sm" c="dimmed">
                  {t("pairingHelp")}
                </Text>
              </Stack>
            )}
          </>
        )}
        <Button variant="default" onClick={props.onClose}>
          {t("close")}
        </Button>
      </Stack>
    </Modal>
  );
}
