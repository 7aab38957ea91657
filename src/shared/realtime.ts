/**
 * Events the server pushes to browsers. They carry ids and small payloads; the browser refetches or
 * patches its queries. Delivery is at-most-once, so pages catch up by cursor after a reconnect.
 */
export interface ServerToClientEvents {
  "realtime.check": (payload: { checkId: string; requestedAt: string; workerAt: string }) => void;
  /** An instance's status or details changed: refetch it. */
  "instance.updated": (payload: { instanceId: string; state: "open" | "connecting" | "close" | "refused" }) => void;
  /** A new QR code (or pairing code) for an instance being paired: refetch the instance for it. */
  "instance.qr": (payload: { instanceId: string }) => void;
  /** A conversation's place in the list changed (new message, status, assignment, tags, read). */
  "conversation.updated": (payload: { conversationId: string }) => void;
  /** A message was added or changed (status, media, reaction, edit): an open conversation fetches its changes. */
  "message.changed": (payload: { conversationId: string; messageId: string }) => void;
  /**
   * Messages were added or changed in these conversations, and their place in the list moved (a webhook
   * batch, a send): one event for many, so a burst costs a handful of NOTIFYs instead of two per message.
   */
  "conversations.changed": (payload: { conversationIds: string[] }) => void;
  /** A contact import progressed, completed or failed: refetch it. */
  "contact-import.updated": (payload: { importId: string }) => void;
  /** A campaign's status or counters changed: refetch its report. */
  "campaign.updated": (payload: { campaignId: string }) => void;
  /** An alert fired or resolved: refetch the bell. */
  "alert.notified": (payload: { notificationId: string }) => void;
}

export type RealtimeEventName = keyof ServerToClientEvents;
export type RealtimeEventPayload<Name extends RealtimeEventName> = Parameters<ServerToClientEvents[Name]>[0];

export const organizationRoom = (organizationId: string) => `org:${organizationId}`;
/** Every socket of one signed-in browser, closed when that session is revoked. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
