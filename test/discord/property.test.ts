// Property test: for random and hostile feed text (mentions, markdown links,
// control and bidi characters, emoji, endless words, huge lists, bad URLs),
// every alert and reply fits every Discord limit, pings nobody, and every
// request body the fake Discord receives carries empty allowed mentions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRest } from '../../src/adapters/discord/rest.js';
import { DiscordSink } from '../../src/adapters/discord/sink.js';
import { footerHasStory, renderAlert, renderReply } from '../../src/adapters/discord/embeds.js';
import { alert, reply, rng } from './hostile.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { messageOf, messageProblems } from './check.js';

const CASES = 1200;
const SEED = 0x5eed_d15c;

let fake: FakeDiscord;
let sink: DiscordSink;

beforeAll(async () => {
  fake = await startFakeDiscord();
  // A high global budget: 1200 posts at Discord's 50/s would take half a minute.
  const rest = createRest({ DISCORD_API_URL: fake.apiUrl, DISCORD_TOKEN: 'prop-token-123456' }, { globalRequestsPerSecond: 100_000, retries: 0 });
  sink = new DiscordSink({ rest, channels: ['810000000000000001', `https://discord.com/api/webhooks/910000000000000001/${'w'.repeat(68)}`], webhookRest: { api: fake.apiUrl } });
});

afterAll(async () => {
  await sink?.close();
  await fake?.close();
});

describe(`hostile feed text, ${CASES} seeded cases (seed ${SEED.toString(16)})`, () => {
  it('every alert fits every limit, pings nobody and keeps its story id; Discord receives empty allowed mentions', { timeout: 120_000 }, async () => {
    const r = rng(SEED);
    const channels = sink.alertChannels();
    let edits = 0;
    for (let i = 0; i < CASES; i++) {
      const a = alert(r, i);
      const body = renderAlert(a);
      const problems = messageProblems(body);
      if (problems.length) throw new Error(`case ${i}: ${problems.join('; ')}\n${JSON.stringify(a).slice(0, 2000)}`);
      expect(body.embeds.length).toBeGreaterThan(0);
      expect(footerHasStory(body.embeds[0]!.footer?.text, a.storyId), `case ${i}: story id kept in the footer`).toBe(true);
      const channel = channels[i % channels.length]!;
      const { messageId } = await sink.post(channel, a);
      if (i % 5 === 0) {
        await sink.update(channel, messageId, alert(r, i));
        edits++;
      }
    }
    const sent = fake.calls.filter((c) => messageOf(c) !== undefined);
    expect(sent).toHaveLength(CASES + edits);
    for (const c of sent) {
      const problems = messageProblems(messageOf(c));
      if (problems.length) throw new Error(`${c.method} ${c.path}: ${problems.join('; ')}`);
    }
  });

  it('every command reply fits every limit and pings nobody', { timeout: 120_000 }, () => {
    const r = rng(SEED ^ 0xabcdef);
    for (let i = 0; i < CASES; i++) {
      const rep = reply(r, i);
      const body = renderReply(rep);
      const problems = messageProblems(body);
      if (problems.length) throw new Error(`case ${i}: ${problems.join('; ')}`);
      expect(body.embeds.length).toBeGreaterThan(0);
      expect(body.flags).toBe(rep.ephemeral === false ? undefined : 64);
    }
  });
});
