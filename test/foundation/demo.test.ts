// `npm run demo` as a newcomer runs it: offline, quick, one alert per relevant
// sample story (the French LinkedIn one included), nothing for the rest.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('demo', () => {
  it('prints the French LinkedIn alert with opt-out steps and nothing for irrelevant items, in under 15 s', async () => {
    const r = await runCli(['demo'], {}, { timeoutMs: 15_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
    const out = r.stdout;
    expect(out).toMatch(/LinkedIn a entraîné son IA/);
    expect(out).toMatch(/Data for Generative AI Improvement/);
    // Irrelevant sample items never become alerts.
    for (const title of [
      'Chipmaker unveils faster accelerator',
      'AI startup raises $200 million',
      'Retailer confirms data breach',
      'LinkedIn launches new AI writing tools',
      'EU regulators fine a social network over cookie banners',
      'Un fabricant de puces',
      'Fuite de données',
      'Cookie-Bannern',
    ])
      expect(out, title).not.toContain(title);
    expect(out).toMatch(/demo: \d+ items read/);
  });
});
