/**
 * Audit activity codes for display: sentences, categories, icons, verbs, titles and participants.
 * vscode-free and browser-safe (no Node APIs).
 */

export { describeAuditEvent, hasActivityTemplate, templatedActivityCodes } from "./describeAuditEvent";
export {
  ACTIVITY_CATEGORIES,
  activityCategory,
  categoryIcon,
  categoryLabel,
  type ActivityCategory,
} from "./activityCategories";
export { activityVerb, type ActivityVerb } from "./activityVerbs";
export { ACTIVITY_MESSAGES } from "./activityMessages";
export { activityTitle, isKnownActivityCode, readableActivityCode } from "./activityTitles";
export { initiatorDisplay, isSystemInitiator, SYSTEM_INITIATOR_LABEL, targetDisplay } from "./eventParticipants";
export { formatGoList, isEmptyGoValue, parseGoBool, parseGoList } from "./goValues";
export { cleanText, MAX_LABEL_LENGTH, MAX_VALUE_LENGTH, stripInvisible, truncateText } from "./sanitizeText";
