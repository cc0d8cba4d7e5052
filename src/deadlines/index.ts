// Public face of deadlines: records (from the KB and from stories) and reminders.
export {
  DEADLINES_NS,
  allDeadlines,
  daysUntil,
  deadlineId,
  extractStoryDeadlines,
  kbDeadlines,
  recordStoryDeadlines,
  seedKbDeadlines,
  upcomingDeadlines,
  type DeadlineRecord,
  type DeadlineSource,
  type StoryDeadline,
} from './model.js';
export { DEFAULT_REMINDER_DAYS, REMINDERS_NS, ReminderRunner, channelWantsDeadline, reminderAlert, reminderId, type ReminderMark, type ReminderOptions } from './reminders.js';
