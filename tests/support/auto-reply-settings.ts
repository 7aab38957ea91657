/** A number's automatic-reply settings for tests: on, at any hour, with the given changes. */
export function autoReplySettings(
  instanceId: string,
  changes: Partial<{
    enabled: boolean;
    draftMode: boolean;
    blockedTopics: string[];
    handoffKeywords: string[];
  }> = {},
) {
  return {
    instanceId,
    enabled: true,
    mode: "always" as const,
    maxRepliesPerConversation: 3,
    draftMode: false,
    businessStartMinute: 540,
    businessEndMinute: 1080,
    businessDays: [1, 2, 3, 4, 5],
    blockedTopics: [],
    handoffKeywords: [],
    minConfidence: 0.7,
    ...changes,
  };
}
