/**
 * The Baileys socket of each instance as Evolution reports it (`whatsapp.baileys.service.ts` `connectionUpdate`):
 * connecting → QR codes rotating every `qrIntervalMs` → (scan, silent 515 restart) → connecting → open; terminal
 * disconnects (401/402/403/406) close for good and delete the session, every other disconnect reconnects silently.
 */
import QRCode from "qrcode";
import { boomJson } from "./evolution-errors.ts";
import { newPairingCode, newQrText, profilePictureUrlFor } from "./ids.ts";
import type { ConnectionState, Instance, QrCodeState } from "./instance.ts";
import { phoneJid } from "./jid.ts";
import type { SimulatorStore } from "./store.ts";
import type { Timers } from "./timers.ts";
import type { EmitEvent } from "./webhook-events.ts";

export interface LifecycleConfig {
  qrIntervalMs: number;
  qrLimit: number;
  reconnectDelayMs: number;
}

/** Baileys `DisconnectReason` codes after which Evolution does not reconnect. */
export const TERMINAL_DISCONNECT_CODES = [401, 402, 403, 406];

/** `connect` answers with this view of the instance's last QR (undefined fields vanish from the JSON). */
export const qrCodeView = (qr: QrCodeState) => ({
  pairingCode: qr.pairingCode,
  code: qr.code,
  base64: qr.base64,
  count: qr.count,
});

export class ConnectionLifecycle {
  constructor(
    private readonly config: LifecycleConfig,
    private readonly emit: EmitEvent,
    private readonly timers: Timers,
    private readonly store: SimulatorStore,
  ) {}

  /** `connectToWhatsapp(number)`: a new socket, then QR codes (no session yet) or, for a paired session, open. */
  async startSocket(instance: Instance, pairingNumber: string | undefined): Promise<void> {
    const generation = this.replaceSocket(instance);
    instance.hasSocket = true;
    instance.pairingNumber = pairingNumber;
    // `loadWebhook` runs here only, which is why a changed `base64` flag waits for the next (re)connect.
    instance.loadedWebhook = {
      enabled: instance.webhook?.enabled ?? false,
      base64: instance.webhook?.webhookBase64 ?? false,
    };
    this.setState(instance, "connecting", 200);
    this.emit(instance, "connection.update", { instance: instance.row.name, state: "connecting", statusReason: 200 });

    if (instance.session) {
      instance.cancelPendingTimer = this.timers.after(this.config.reconnectDelayMs, () => {
        if (generation === instance.socketGeneration) this.open(instance);
      });
      return;
    }
    await this.nextQrCode(instance, generation);
  }

  /** The phone scanned the QR: WhatsApp pairs, demands a restart (silent 515), and the new socket opens. */
  scan(instance: Instance, phoneDigits: string, profileName: string): void {
    this.replaceSocket(instance);
    const wuid = phoneJid(phoneDigits);
    instance.session = { wuid, profileName, profilePictureUrl: profilePictureUrlFor(wuid) };
    this.emit(instance, "connection.update", { instance: instance.row.name, state: "connecting", statusReason: 200 });
    this.open(instance);
  }

  /** A non-terminal disconnect: Evolution reconnects without reporting the close. */
  reconnect(instance: Instance, statusCode: number): Promise<void> {
    this.setState(instance, "close", statusCode);
    return this.startSocket(instance, instance.pairingNumber);
  }

  /** A socket that died without anyone noticing: memory says close, nothing is reported, the session survives. */
  dieSilently(instance: Instance, statusCode: number): void {
    this.replaceSocket(instance);
    this.setState(instance, "close", statusCode);
  }

  /** A terminal disconnect: status.instance, logout.instance (session deleted), then connection.update close. */
  closeForGood(instance: Instance, statusCode: number, reason: string): void {
    this.replaceSocket(instance);
    this.setState(instance, "close", statusCode);
    const disconnectionAt = new Date().toISOString();
    const disconnectionObject = JSON.stringify({ error: boomJson(statusCode, reason), date: disconnectionAt });
    this.emit(instance, "status.instance", {
      instance: instance.row.name,
      status: "closed",
      disconnectionAt,
      disconnectionReasonCode: statusCode,
      disconnectionObject,
    });
    Object.assign(instance.row, {
      connectionStatus: "close",
      disconnectionAt,
      disconnectionReasonCode: statusCode,
      disconnectionObject,
    });
    this.emit(instance, "logout.instance", null);
    instance.session = null;
    this.touch(instance);
    this.emit(instance, "connection.update", { instance: instance.row.name, state: "close", statusReason: statusCode });
  }

  /** A saved instance without a session, after a restart: closed with its last disconnect, no socket, no event. */
  restoreClosed(instance: Instance): void {
    this.setState(instance, "close", instance.row.disconnectionReasonCode ?? 200);
    if (instance.row.connectionStatus !== "close") {
      instance.row.connectionStatus = "close";
      this.touch(instance);
    }
  }

  /** Stops timers without any event (the instance is being deleted or forgotten). */
  stop(instance: Instance): void {
    this.replaceSocket(instance);
    this.setState(instance, "close", instance.statusReason);
  }

  private open(instance: Instance): void {
    const session = instance.session!;
    instance.wuid = session.wuid;
    this.setState(instance, "open", 200);
    Object.assign(instance.row, {
      ownerJid: session.wuid,
      profileName: session.profileName,
      profilePicUrl: session.profilePictureUrl,
      connectionStatus: "open",
    });
    this.touch(instance);
    this.emit(instance, "connection.update", {
      instance: instance.row.name,
      wuid: session.wuid,
      profileName: session.profileName,
      profilePictureUrl: session.profilePictureUrl,
      state: "open",
      statusReason: 200,
    });
  }

  private async nextQrCode(instance: Instance, generation: number): Promise<void> {
    if (instance.qr.count === this.config.qrLimit) return this.refuse(instance);

    instance.qr.count++;
    instance.qr.pairingCode = instance.pairingNumber ? newPairingCode() : null;
    const code = newQrText();
    const base64 = await QRCode.toDataURL(code, {
      margin: 3,
      scale: 4,
      errorCorrectionLevel: "H",
      color: { light: "#ffffff", dark: "#198754" },
    });
    if (generation !== instance.socketGeneration) return;

    Object.assign(instance.qr, { code, base64 });
    this.emit(instance, "qrcode.updated", {
      qrcode: { instance: instance.row.name, pairingCode: instance.qr.pairingCode, code, base64 },
    });
    instance.row.connectionStatus = "connecting";
    this.touch(instance);
    instance.cancelPendingTimer = this.timers.after(this.config.qrIntervalMs, () => {
      if (generation === instance.socketGeneration) void this.nextQrCode(instance, generation);
    });
  }

  /** QRCODE_LIMIT reached: Evolution reports the refusal, logs the socket out and resets the counter. */
  private refuse(instance: Instance): void {
    this.emit(instance, "qrcode.updated", { message: "QR code limit reached, please login again", statusCode: 500 });
    this.emit(instance, "connection.update", {
      instance: instance.row.name,
      state: "refused",
      statusReason: 428,
      wuid: instance.wuid,
      profileName: instance.session?.profileName,
      profilePictureUrl: instance.session?.profilePictureUrl,
    });
    this.replaceSocket(instance);
    instance.qr = { count: 0 };
    instance.state = "close";
    this.store.persist();
  }

  /** Ends the current socket: its pending timer is cancelled and its late callbacks see a newer generation. */
  private replaceSocket(instance: Instance): number {
    instance.cancelPendingTimer?.();
    instance.cancelPendingTimer = undefined;
    return ++instance.socketGeneration;
  }

  private setState(instance: Instance, state: ConnectionState, statusReason: number): void {
    instance.state = state;
    instance.statusReason = statusReason;
  }

  private touch(instance: Instance): void {
    instance.row.updatedAt = new Date().toISOString();
    this.store.persist();
  }
}
