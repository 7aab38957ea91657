/** Why the bot handed a conversation to people: a typed decision of the model, or a check in code. */
export const handoffReasons = [
  "human_requested",
  "negative_sentiment",
  "low_confidence",
  "blocked_topic",
  "keyword",
  "max_replies",
  "check_failed",
  "send_limit",
] as const;
export type HandoffReason = (typeof handoffReasons)[number];

/** Why the bot stopped in a conversation: a person stepped in, or a handoff. */
export const botPauseReasons = ["human_reply", "assigned", ...handoffReasons] as const;
export type BotPauseReason = (typeof botPauseReasons)[number];

/** Checks in code after generation; a reply failing one is never sent. */
export const replyChecks = ["too_long", "unknown_link", "unknown_phone", "unknown_price", "language_mismatch"] as const;
export type ReplyCheck = (typeof replyChecks)[number];

export const autoReplyModes = ["outside_business_hours", "always", "unassigned"] as const;

/** What an agent can ask of the draft in the composer. */
export const draftRewrites = ["rephrase", "fix", "formal", "friendly", "translate"] as const;
export type DraftRewrite = (typeof draftRewrites)[number];

export const suggestionSources = ["provider", "local"] as const;

export const isBotPauseReason = (value: string): value is BotPauseReason =>
  (botPauseReasons as readonly string[]).includes(value);
