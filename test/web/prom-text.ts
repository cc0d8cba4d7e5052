// A strict parser for the Prometheus text exposition format (version 0.0.4),
// written for the tests: any line a Prometheus server would reject throws,
// with its line number. It also checks what the format implies but a lenient
// parser would let pass: HELP/TYPE before samples, one group per family, no
// duplicate series, histogram buckets cumulative and ending at +Inf = _count.

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  line: number;
}

export interface Family {
  name: string;
  help?: string;
  type?: MetricType;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)$/;

export class PromParseError extends Error {}

function fail(line: number, msg: string): never {
  throw new PromParseError(`line ${line}: ${msg}`);
}

// Prometheus reads values with Go's strconv.ParseFloat, which takes NaN and
// infinities in any case (prom-client writes "Nan"); anything else must be a decimal float.
function parseValue(raw: string, line: number): number {
  if (/^[+-]?nan$/i.test(raw)) return NaN;
  if (/^\+?inf(inity)?$/i.test(raw)) return Infinity;
  if (/^-inf(inity)?$/i.test(raw)) return -Infinity;
  if (!FLOAT.test(raw)) fail(line, `not a number: ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Labels from just after `{` up to the matching `}`; returns them and the rest of the line. */
function parseLabels(s: string, line: number): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 0;
  for (;;) {
    while (s[i] === ' ') i++;
    if (s[i] === '}') return { labels, rest: s.slice(i + 1) };
    const eq = s.indexOf('=', i);
    if (eq < 0) fail(line, 'label without "="');
    const name = s.slice(i, eq).trim();
    if (!LABEL.test(name)) fail(line, `bad label name ${JSON.stringify(name)}`);
    if (name in labels) fail(line, `label ${name} repeated`);
    i = eq + 1;
    if (s[i] !== '"') fail(line, `label ${name}: value must be quoted`);
    i++;
    let value = '';
    for (;;) {
      const c = s[i];
      if (c === undefined) fail(line, `label ${name}: unterminated value`);
      if (c === '"') break;
      if (c === '\\') {
        const n = s[i + 1];
        if (n === '\\') value += '\\';
        else if (n === '"') value += '"';
        else if (n === 'n') value += '\n';
        else fail(line, `label ${name}: bad escape \\${n ?? ''}`);
        i += 2;
        continue;
      }
      if (c === '\n') fail(line, 'raw newline in label value');
      value += c;
      i++;
    }
    labels[name] = value;
    i++;
    while (s[i] === ' ') i++;
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] === '}') return { labels, rest: s.slice(i + 1) };
    fail(line, `expected "," or "}" after label ${name}`);
  }
}

/** The family a sample name belongs to, given the declared types. */
function familyOf(sample: string, families: Map<string, Family>): Family | undefined {
  const direct = families.get(sample);
  if (direct) return direct;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!sample.endsWith(suffix)) continue;
    const f = families.get(sample.slice(0, -suffix.length));
    if (f && (f.type === 'histogram' || (f.type === 'summary' && suffix !== '_bucket'))) return f;
  }
  return undefined;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const closed = new Set<string>(); // families whose group of lines has ended
  const series = new Set<string>();
  let current: Family | undefined;
  if (text.length && !text.endsWith('\n')) fail(text.split('\n').length, 'the exposition must end with a newline');
  const lines = text.split('\n');
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    if (raw.trim() === '') return;
    if (raw.includes('\r')) fail(line, 'carriage return');
    const enter = (f: Family) => {
      if (current !== f) {
        if (closed.has(f.name)) fail(line, `family ${f.name} appears in two separate groups`);
        if (current) closed.add(current.name);
        current = f;
      }
    };
    const meta = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(raw);
    if (meta) {
      const [, kind, name, rest = ''] = meta as unknown as [string, 'HELP' | 'TYPE', string, string?];
      if (!NAME.test(name)) fail(line, `bad metric name ${JSON.stringify(name)}`);
      let f = families.get(name);
      if (!f) {
        f = { name, samples: [] };
        families.set(name, f);
      }
      enter(f);
      if (kind === 'HELP') {
        if (f.help !== undefined) fail(line, `second HELP for ${name}`);
        if (/\\(?![\\n])/.test(rest)) fail(line, 'bad escape in HELP');
        f.help = rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      } else {
        if (f.type !== undefined) fail(line, `second TYPE for ${name}`);
        if (f.samples.length) fail(line, `TYPE for ${name} after its samples`);
        if (!TYPES.has(rest.trim())) fail(line, `unknown type ${JSON.stringify(rest)}`);
        f.type = rest.trim() as MetricType;
      }
      return;
    }
    if (raw.startsWith('#')) return; // a plain comment
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(.*)$/.exec(raw);
    if (!m) fail(line, `not a sample: ${JSON.stringify(raw)}`);
    const name = m[1]!;
    let rest = m[2]!;
    let labels: Record<string, string> = {};
    if (rest.startsWith('{')) ({ labels, rest } = parseLabels(rest.slice(1), line));
    const parts = rest.trim().split(/\s+/);
    if (!rest.startsWith(' ') || parts.length < 1 || parts.length > 2 || parts[0] === '') fail(line, 'expected " value [timestamp]" after the name');
    const value = parseValue(parts[0]!, line);
    if (parts[1] !== undefined && !/^-?\d+$/.test(parts[1])) fail(line, `bad timestamp ${parts[1]}`);
    const f = familyOf(name, families);
    if (!f) fail(line, `sample ${name} has no TYPE declared before it`);
    enter(f);
    if (f.type === 'counter' && !(value >= 0)) fail(line, `counter ${name} is negative or NaN`);
    if (f.type === 'histogram' && name.endsWith('_bucket') && !('le' in labels)) fail(line, `${name} without le`);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (series.has(key)) fail(line, `duplicate series ${key}`);
    series.add(key);
    f.samples.push({ name, labels, value, line });
  });
  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function checkHistogram(f: Family): void {
  const groups = new Map<string, Sample[]>();
  for (const s of f.samples.filter((x) => x.name === `${f.name}_bucket`)) {
    const { le, ...rest } = s.labels;
    const k = JSON.stringify(Object.entries(rest).sort());
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  for (const [k, buckets] of groups) {
    const sorted = [...buckets].sort((a, b) => parseValue(a.labels.le!, a.line) - parseValue(b.labels.le!, b.line));
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.value < sorted[i - 1]!.value) fail(sorted[i]!.line, `${f.name}: buckets are not cumulative`);
    const inf = sorted.at(-1);
    if (!inf || inf.labels.le !== '+Inf') fail(buckets[0]!.line, `${f.name}: no +Inf bucket`);
    const count = f.samples.find((s) => s.name === `${f.name}_count` && JSON.stringify(Object.entries(s.labels).sort()) === k);
    if (!count || count.value !== inf.value) fail(inf.line, `${f.name}: +Inf bucket differs from _count`);
  }
}

/** The one sample of `name` whose labels include `labels`. */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const f of families.values())
    for (const s of f.samples)
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
  return undefined;
}
