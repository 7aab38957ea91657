/**
 * WhatsApp (Baileys) disconnect codes explained for people, in pt-BR. `terminal` codes need a new
 * pairing (no automatic reconnect); the rest Evolution or our watchdog reconnects.
 */
export const disconnectReasons: Record<number, { label: string; terminal: boolean }> = {
  200: { label: "Conexão normal", terminal: false },
  401: { label: "Sessão encerrada no celular (logout ou aparelho removido): escaneie o QR de novo", terminal: true },
  402: { label: "Conta temporariamente indisponível", terminal: true },
  403: { label: "Acesso proibido pelo WhatsApp (número bloqueado ou banido)", terminal: true },
  406: { label: "Sessão recusada pelo WhatsApp", terminal: true },
  408: { label: "Conexão perdida ou tempo esgotado", terminal: false },
  428: { label: "Conexão fechada pelo servidor", terminal: false },
  440: { label: "Sessão substituída: o número foi aberto em outro lugar", terminal: false },
  500: { label: "Sessão corrompida no servidor", terminal: false },
  503: { label: "WhatsApp indisponível no momento", terminal: false },
  515: { label: "Reinício necessário (normal logo após o pareamento)", terminal: false },
};

export function describeDisconnectReason(code: number | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return disconnectReasons[code]?.label ?? `Código ${code}`;
}

export function isTerminalDisconnect(code: number | null | undefined): boolean {
  return code !== null && code !== undefined && disconnectReasons[code]?.terminal === true;
}
