/** Every instance by name, the global "is on WhatsApp" cache, media blobs, and the optional JSON state file. */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Instance, InstanceRow, QrCodeState, Session, SettingsRow, WebhookRow } from "./instance.ts";

/** What a restart keeps: Evolution's Instance, Setting, Webhook and Session rows. */
interface PersistedInstance {
  row: InstanceRow;
  settings: SettingsRow;
  webhook: WebhookRow | null;
  session: Session | null;
  qrCount: number;
}

export function newInstance(persisted: Omit<PersistedInstance, "qrCount"> & { qrCount?: number }): Instance {
  const qr: QrCodeState = { count: persisted.qrCount ?? 0 };
  return {
    row: persisted.row,
    settings: persisted.settings,
    webhook: persisted.webhook,
    session: persisted.session,
    state: "close",
    statusReason: 200,
    qr,
    hasSocket: false,
    loadedWebhook: { enabled: false, base64: false },
    socketGeneration: 0,
    messages: [],
    contacts: new Map(),
    groups: new Map(),
    sent: [],
    failureRule: null,
    failingMediaDownloads: 0,
    reportedStatuses: new Set(),
  };
}

export class SimulatorStore {
  private readonly instances = new Map<string, Instance>();
  /** Evolution's `IsOnWhatsapp` table, shared by all instances: every variant of a confirmed number → its JID. */
  readonly verifiedJids = new Map<string, string>();
  /** Media bytes by the token inside their fake CDN URL. */
  readonly mediaBlobs = new Map<string, Buffer>();
  private writeQueued = false;

  constructor(private readonly stateFile?: string) {}

  get(name: string): Instance | undefined {
    return this.instances.get(name);
  }

  list(): Instance[] {
    return [...this.instances.values()];
  }

  add(instance: Instance): void {
    this.instances.set(instance.row.name, instance);
    this.persist();
  }

  remove(name: string): void {
    this.instances.delete(name);
    this.persist();
  }

  clear(): void {
    this.instances.clear();
    this.verifiedJids.clear();
    this.mediaBlobs.clear();
    this.persist();
  }

  /** Instances saved by a previous run, to be reconnected the way Evolution reloads its database at boot. */
  loadPersisted(): Instance[] {
    if (!this.stateFile || !existsSync(this.stateFile)) return [];
    const saved = JSON.parse(readFileSync(this.stateFile, "utf8")) as { instances: PersistedInstance[] };
    const loaded = saved.instances.map((persisted) => newInstance(persisted));
    for (const instance of loaded) this.instances.set(instance.row.name, instance);
    return loaded;
  }

  /** Schedules one write of the state file after the current burst of changes. */
  persist(): void {
    if (!this.stateFile || this.writeQueued) return;
    this.writeQueued = true;
    queueMicrotask(() => {
      this.writeQueued = false;
      this.writeNow();
    });
  }

  private writeNow(): void {
    if (!this.stateFile) return;
    const instances: PersistedInstance[] = this.list().map(({ row, settings, webhook, session, qr }) => ({
      row,
      settings,
      webhook,
      session,
      qrCount: qr.count,
    }));
    const temporary = `${this.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify({ instances }, null, 2));
    renameSync(temporary, this.stateFile);
  }
}
