// Child process for the crash tests: queues STORIES stories for the channels,
// drains the outbox, and SIGKILLs itself at step CRASH_AT of delivery number
// CRASH_N (counting that step across deliveries) when asked.
import { Store } from '../../src/store/store.js';
import { Outbox, ensureConfiguredSubscriptions } from '../../src/delivery/outbox.js';
import { HttpChatSink } from '../helpers/chat-fake.js';
import { simpleCompose, story } from '../helpers/stories.js';

const env = process.env;
const store = await Store.open(env.STORE_URL!, { prefix: env.STORE_PREFIX });
const sinks = [new HttpChatSink(env.SLACK_FAKE!, ['C1', 'C2'], 'slack'), new HttpChatSink(env.DISCORD_FAKE!, ['D1'], 'discord')];
let seen = 0;
const box = new Outbox({
  store,
  sinks,
  compose: simpleCompose,
  threshold: 0.5,
  defaultLang: 'en',
  concurrency: 1,
  backoffBaseMs: 1,
  backoffMaxMs: 5,
  lockTtlMs: 300,
  onStep: (step) => {
    if (step === env.CRASH_AT && ++seen === Number(env.CRASH_N ?? 1)) process.kill(process.pid, 'SIGKILL');
  },
});
await ensureConfiguredSubscriptions(store, sinks, new Date());
for (let i = 0; i < Number(env.STORIES ?? 3); i++) {
  const s = story(`k${i}`, i);
  await store.stories.set(s.id, s);
  await box.enqueue(s);
}
for (let i = 0; i < 200; i++) {
  // After a crash the dead holder's drain lock must expire first.
  if ((await box.drain()).skipped) await new Promise((r) => setTimeout(r, 50));
  if (!(await store.deliveries.values()).some((d) => d.state !== 'sent' && d.state !== 'dead')) break;
}
await store.close();
process.stdout.write('done\n');
