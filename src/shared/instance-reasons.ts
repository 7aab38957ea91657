/**
 * Why a WhatsApp connection closed, as provider-neutral codes (each provider maps its own codes to
 * these), explained for people in pt-BR. `terminal` reasons need a new pairing (no automatic
 * reconnect); the rest the provider or our watchdog reconnects.
 */
export const disconnectReasons = {
  logged_out: {
    label: "Sessão encerrada no celular (logout ou aparelho removido): escaneie o QR de novo",
    terminal: true,
  },
  account_unavailable: { label: "Conta temporariamente indisponível", terminal: true },
  banned: { label: "Acesso proibido pelo WhatsApp (número bloqueado ou banido)", terminal: true },
  refused: { label: "Sessão recusada pelo WhatsApp", terminal: true },
  connection_lost: { label: "Conexão perdida ou tempo esgotado", terminal: false },
  connection_closed: { label: "Conexão fechada pelo servidor", terminal: false },
  replaced: { label: "Sessão substituída: o número foi aberto em outro lugar", terminal: false },
  bad_session: { label: "Sessão corrompida no servidor", terminal: false },
  service_unavailable: { label: "WhatsApp indisponível no momento", terminal: false },
  restart_required: { label: "Reinício necessário (normal logo após o pareamento)", terminal: false },
  unknown: { label: "Motivo desconhecido", terminal: false },
} as const satisfies Record<string, { label: string; terminal: boolean }>;

export type DisconnectReason = keyof typeof disconnectReasons;

export function isDisconnectReason(code: string): code is DisconnectReason {
  return Object.hasOwn(disconnectReasons, code);
}

export function describeDisconnectReason(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return isDisconnectReason(code) ? disconnectReasons[code].label : disconnectReasons.unknown.label;
}

export function isTerminalDisconnect(code: string | null | undefined): boolean {
  return !!code && isDisconnectReason(code) && disconnectReasons[code].terminal;
}
