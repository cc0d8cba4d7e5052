// The status page's sections, each a pure function of StatusData.
import type { Story, Subscription, SubscriptionFilters } from '../domain.js';
import { html, safeHref, type SafeHtml } from './html.js';
import type { StatusData } from './status-data.js';
import { groupMarks, kindLabel } from '../freshness/index.js';

const when = (iso: string | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');

export function summarySection(d: StatusData): SafeHtml {
  const bad = d.sources.filter((s) => s.status === 'failing' || s.status === 'paused').length;
  return html`<ul class="summary" aria-label="Summary">
<li>Sources <b>${d.sources.length}</b> (<span class="${bad ? 'failing' : 'ok'}">${bad} failing or paused</span>)</li>
<li>Stories <b>${d.storyCount}</b>, relevant <b>${d.relevantCount}</b></li>
<li>Subscriptions <b>${d.subscriptions.length}</b></li>
<li>Outbox waiting <b data-testid="outbox-waiting">${d.outbox.waiting}</b></li>
<li>Dead letters <b data-testid="outbox-dead">${d.outbox.byState.dead}</b></li>
</ul>`;
}

export function sourcesSection(d: StatusData): SafeHtml {
  const rows = d.sources.map(
    (r) => html`<tr data-source="${r.source.id}">
<td data-label="Source">${r.source.name} <span class="muted">(${r.source.kind}${r.source.jurisdiction ? `, ${r.source.jurisdiction}` : ''})</span></td>
<td data-label="Health"><span class="badge ${r.status}">${r.status}</span></td>
<td data-label="Detail">${r.detail}${r.state?.lastErrorAt && r.status !== 'ok' ? html` <span class="muted">(since ${when(r.state.lastErrorAt)})</span>` : ''}</td>
<td data-label="Last success">${when(r.state?.lastSuccess)}</td>
</tr>`,
  );
  return html`<section id="sources"><h2>Sources</h2>
${rows.length ? html`<table><thead><tr><th>Source</th><th>Health</th><th>Detail</th><th>Last success</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="muted">No sources configured.</p>`}
</section>`;
}

function decisionBadge(s: Story): SafeHtml {
  const dec = s.decision;
  if (!dec) return html`<span class="badge new">not classified</span>`;
  if (!dec.relevant) return html`<span class="badge irrelevant">not relevant</span>`;
  return dec.greyZone ? html`<span class="badge grey">relevant (grey zone)</span>` : html`<span class="badge relevant">relevant</span>`;
}

// Reasons of relevant stories are shown; the others fold away (no script needed) to keep the page short on a phone.
function reasonsOf(s: Story): SafeHtml {
  const reasons = s.decision?.reasons ?? [];
  if (!reasons.length) return html`<span class="muted">no reasons</span>`;
  const list = html`<ul class="reasons">${reasons.slice(0, 6).map((r) => html`<li><b>${r.concept}</b>: ${r.evidence}</li>`)}</ul>`;
  return s.decision?.relevant ? list : html`<details><summary>${reasons.length} reason${reasons.length === 1 ? '' : 's'}</summary>${list}</details>`;
}

function storyRow(s: Story): SafeHtml {
  const href = safeHref(s.link);
  const dec = s.decision;
  const outlets = [...new Set(s.sources.map((x) => x.sourceName))];
  return html`<tr id="story-${s.id}" data-story="${s.id}">
<td data-label="Story">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${s.title}</a>` : s.title}
<div class="muted">${s.id} · ${outlets.join(', ')} · ${when(s.published ?? s.firstSeen)}</div></td>
<td data-label="Decision">${decisionBadge(s)}</td>
<td data-label="Score"><span class="score">${dec ? dec.score.toFixed(2) : '—'}</span></td>
<td data-label="Why">${dec?.platforms.length ? html`<div>${dec.platforms.join(', ')}</div>` : ''}${reasonsOf(s)}</td>
</tr>`;
}

export function storiesSection(d: StatusData): SafeHtml {
  return html`<section id="stories"><h2>Recent stories</h2>
${d.stories.length ? html`<table><thead><tr><th>Story</th><th>Decision</th><th>Score</th><th>Why</th></tr></thead><tbody>${d.stories.map(storyRow)}</tbody></table>` : html`<p class="muted">No stories yet: the first poll has not found any.</p>`}
</section>`;
}

function describeFilters(f: SubscriptionFilters): string {
  const parts: string[] = [];
  if (f.platforms?.length) parts.push(`platforms ${f.platforms.join(', ')}`);
  if (f.regions?.length) parts.push(`regions ${f.regions.join(', ')}`);
  if (f.languages?.length) parts.push(`languages ${f.languages.join(', ')}`);
  if (f.minScore !== undefined) parts.push(`score ≥ ${f.minScore}`);
  if (f.greyZone === false) parts.push('no grey zone');
  parts.push(f.mode === 'digest' ? `daily digest ${f.digestTime ?? ''} ${f.timeZone ?? ''}`.trim() : 'realtime');
  if (f.lang) parts.push(`labels ${f.lang}`);
  return parts.join(' · ');
}

function subscriptionRow(s: Subscription): SafeHtml {
  return html`<tr data-subscription="${s.platform}:${s.channelId}">
<td data-label="Channel">${s.platform} · ${s.channelId}</td>
<td data-label="Filters">${describeFilters(s.filters)}</td>
<td data-label="Status">${s.paused ? html`<span class="badge paused">paused</span> ${s.paused.reason} <span class="muted">(${when(s.paused.at)})</span>` : html`<span class="badge ok">active</span>`}</td>
</tr>`;
}

export function subscriptionsSection(d: StatusData): SafeHtml {
  return html`<section id="subscriptions"><h2>Subscriptions</h2>
${d.subscriptions.length ? html`<table><thead><tr><th>Channel</th><th>Filters</th><th>Status</th></tr></thead><tbody>${d.subscriptions.map(subscriptionRow)}</tbody></table>` : html`<p class="muted">No channel is subscribed.</p>`}
</section>`;
}

export function outboxSection(d: StatusData): SafeHtml {
  const o = d.outbox;
  const states = (['pending', 'sending', 'failed', 'sent', 'dead'] as const).map((s) => html`<li>${s} <b data-state="${s}">${o.byState[s]}</b></li>`);
  const dead = d.deadLetters.map(
    ({ delivery: x, title }) => html`<tr>
<td data-label="Story">${title ?? x.storyId}</td>
<td data-label="Channel">${x.platform} · ${x.channelId}</td>
<td data-label="Error"><span class="error">${x.lastError ?? 'unknown error'}</span> <span class="muted">after ${x.attempts} attempt(s)</span></td>
<td data-label="When">${when(x.updatedAt)}</td>
</tr>`,
  );
  return html`<section id="outbox"><h2>Outbox</h2>
<ul class="summary"><li>waiting <b>${o.waiting}</b></li><li>held for digests <b>${o.digestHeld}</b></li>${states}</ul>
<h3>Dead letters</h3>
${dead.length ? html`<table><thead><tr><th>Story</th><th>Channel</th><th>Error</th><th>When</th></tr></thead><tbody>${dead}</tbody></table>` : html`<p class="muted">None.</p>`}
</section>`;
}

/** Guides that may be out of date, with the stories that say so: what an operator should re-check. */
export function freshnessSection(d: StatusData): SafeHtml {
  const rows = (d.freshness ?? []).map(
    (g) => html`<tr data-guide="${g.platformId}">
<td data-label="Guide">${g.platform} <span class="muted">(last verified ${g.lastVerified})</span></td>
<td data-label="Why"><ul class="reasons">${g.staleDays !== undefined ? html`<li>not verified for ${g.staleDays} days</li>` : ''}${groupMarks(g.marks).map(
      (m) => html`<li><b>${kindLabel(m.kind)}</b>: ${m.detail} — ${m.stories.map((s, i) => {
        const href = safeHref(s.storyLink);
        return html`${i ? ', ' : ''}${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${s.storyTitle}</a>` : s.storyTitle} <span class="muted">(${s.storyId})</span>`;
      })}</li>`,
    )}</ul></td>
</tr>`,
  );
  return html`<section id="knowledge-base"><h2>Knowledge base</h2>
${rows.length ? html`<p>These guides may be out of date: re-check them, then move their <code>lastVerified</code>.</p><table><thead><tr><th>Guide</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="muted">Every guide is verified recently and no story contradicts one.</p>`}
</section>`;
}
