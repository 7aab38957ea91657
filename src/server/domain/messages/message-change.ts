/** A message that changed: browsers showing its conversation refetch it (after the commit). */
export interface MessageChange {
  conversationId: string;
  messageId: string;
  /** Campaigns whose counters this change moved (a reply, an opt-out). */
  campaignIds?: string[];
}
