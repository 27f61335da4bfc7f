import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Analytics } from '../../../domain/analytics/analytics-schemas.js';
import type { Company } from '../../../domain/companies/company-schemas.js';
import { getAnalytics } from '../api/insight.js';
import { listCompanies } from '../api/people.js';
import { BarChart, InlineBar, type Series } from '../components/BarChart.js';
import { loaded, LoadStatus, type Loadable } from '../components/LoadStatus.js';
import { language, tr } from '../i18n/i18n.js';

type Report = Loadable<{ analytics: Analytics }>;
type Preset = '7' | '30' | '90' | 'custom';

const day = (date: Date) => date.toISOString().slice(0, 10);
const daysBefore = (days: number) => day(new Date(Date.now() - days * 86_400_000));

// Colours of at least 4.5:1 against the white page, so each bar stands out as well as its legend does.
const OUTCOMES: { key: 'escalated' | 'resolvedByAssistant' | 'pending' | 'unresolved'; color: string }[] = [
  { key: 'escalated', color: '#b45309' },
  { key: 'resolvedByAssistant', color: '#15803d' },
  { key: 'pending', color: '#2563eb' },
  { key: 'unresolved', color: '#6b7280' },
];
const ACTION_SERIES = (): Series[] => [
  { key: 'succeeded', label: tr('console.analytics.status.succeeded'), color: '#15803d' },
  { key: 'failed', label: tr('console.analytics.status.failed'), color: '#b42318' },
  { key: 'open', label: tr('console.analytics.status.open'), color: '#2563eb' },
  { key: 'dropped', label: tr('console.analytics.status.dropped'), color: '#6b7280' },
];
/** A day as the axis shows it, "7 Nov" in the reader's language; the table beside it keeps the full dates. */
const shortDay = (iso: string) => new Intl.DateTimeFormat(language.value, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
type ByStatus = Analytics['actions'][number]['byStatus'];
/** The nine statuses in the four a reader asks about: it worked, it failed, it is under way, nobody went on with it. */
const outcomeOf = (s: ByStatus) => ({
  succeeded: s.succeeded,
  failed: s.failed,
  open: s.awaiting_confirmation + s.awaiting_code + s.queued + s.dispatched + s.running,
  dropped: s.expired + s.cancelled,
});

function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <span class="figure-value">{value}</span>
        {hint && <span class="sub">{hint}</span>}
      </dd>
    </div>
  );
}

type OutcomeRow = { name: string; total: number; byStatus: ByStatus };

/** The rows as a table, each with its share as a bar unless a chart of the same rows stands above it. */
function OutcomeTable({ caption, rows, nameLabel, bars = true }: { caption: string; nameLabel: string; rows: OutcomeRow[]; bars?: boolean }) {
  const series = ACTION_SERIES();
  const max = Math.max(0, ...rows.map((row) => row.total));
  return (
    <table class="list insight-table outcomes">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameLabel}</th>
          <th scope="col" class="num">
            {tr('console.analytics.total')}
          </th>
          {series.map((s) => (
            <th key={s.key} scope="col" class="num">
              <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </th>
          ))}
          {bars && (
            <th scope="col" class="bar-col">
              <span class="visually-hidden">{tr('console.analytics.share')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const values = outcomeOf(row.byStatus);
          return (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td class="num strong" data-label={tr('console.analytics.total')}>
                {row.total}
              </td>
              {series.map((s) => (
                <td key={s.key} class="num" data-label={s.label}>
                  {values[s.key as keyof typeof values]}
                </td>
              ))}
              {bars && (
                <td class="bar-col">
                  <InlineBar series={series} values={values} max={max} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Report({ analytics }: { analytics: Analytics }) {
  const { totals, unansweredQuestions: unanswered } = analytics;
  const lang = language.value;
  const sessions = useMemo(
    () => ({
      series: OUTCOMES.map((o) => ({ key: o.key, label: tr(`console.analytics.outcome.${o.key}`), color: o.color })),
      bars: analytics.buckets.map((bucket) => ({
        label: bucket.start === bucket.end ? bucket.start : `${bucket.start} – ${bucket.end}`,
        axisLabel: shortDay(bucket.start),
        values: Object.fromEntries(OUTCOMES.map((o) => [o.key, bucket[o.key]])),
      })),
    }),
    [analytics, lang],
  );
  const actions = useMemo(() => {
    const rows: OutcomeRow[] = analytics.actions
      .filter((a) => a.total > 0)
      .map((a) => ({ name: tr(`console.analytics.kind.${a.kind}`), total: a.total, byStatus: a.byStatus }));
    return { rows, series: ACTION_SERIES(), bars: rows.map((row) => ({ label: row.name, values: outcomeOf(row.byStatus) })) };
  }, [analytics, lang]);
  return (
    <>
      <dl class="figures" aria-label={tr('console.analytics.headline')}>
        <Figure label={tr('console.analytics.sessions')} value={totals.sessions} />
        <Figure
          label={tr('console.analytics.outcome.resolvedByAssistant')}
          value={totals.resolvedByAssistant}
          hint={tr('console.analytics.resolvedSplit', { confirmed: totals.resolvedConfirmed, quiet: totals.resolvedQuiet })}
        />
        <Figure label={tr('console.analytics.outcome.escalated')} value={totals.escalated} />
        <Figure label={tr('console.analytics.outcome.pending')} value={totals.pending} />
        <Figure label={tr('console.analytics.outcome.unresolved')} value={totals.unresolved} />
      </dl>
      <p class="hint definition">{tr('console.analytics.definition', { notEscalated: totals.notEscalated, resolved: totals.resolvedByAssistant })}</p>

      <section class="insight-section" aria-labelledby="an-sessions">
        <h2 id="an-sessions">{tr(analytics.period.bucket === 'week' ? 'console.analytics.sessionsPerWeek' : 'console.analytics.sessionsPerDay')}</h2>
        {totals.sessions === 0 ? (
          <p class="empty">{tr('console.analytics.noSessions')}</p>
        ) : (
<BarChart title={tr('console.analytics.sessionsChart')} series={sessions.series} bars={sessions.bars} />
        )}
      </section>

      <section class="insight-section" aria-labelledby="an-unanswered">
        <h2 id="an-unanswered">{tr('console.analytics.unanswered.title')}</h2>
        <p class="hint">{tr('console.analytics.unanswered.hint', { count: unanswered.total })}</p>
        {unanswered.groups.length === 0 ? (
          <p class="empty">{tr('console.analytics.unanswered.empty')}</p>
        ) : (
          <ol class="question-groups">
            {unanswered.groups.map((group) => (
              <li key={group.representative} class="question-group">
                <div class="question-head">
                  <h3>{group.representative}</h3>
                  <span class="badge">{tr('console.analytics.unanswered.count', { count: group.count })}</span>
                  <span class="langs" aria-label={tr('console.analytics.unanswered.languages')}>
                    {group.languages.map((lang) => lang.toUpperCase()).join(' · ')}
                  </span>
                  <a
                    class="button-link"
                    href={`/console/kb/new?${new URLSearchParams({ title: group.suggestedArticle.title, lang: group.suggestedArticle.lang })}`}
                    aria-label={tr('console.analytics.unanswered.writeNamed', { title: group.suggestedArticle.title })}
                  >
                    {tr('console.analytics.unanswered.write')}
                  </a>
                </div>
                <ul class="examples" aria-label={tr('console.analytics.unanswered.examples')}>
                  {group.examples.map((example) => (
                    <li key={example.askedAt + example.question} lang={example.lang}>
                      “{example.question}”
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section class="insight-section" aria-labelledby="an-actions">
        <h2 id="an-actions">{tr('console.analytics.actions.title')}</h2>
        {actions.rows.length === 0 ? (
          <p class="empty">{tr('console.analytics.actions.empty')}</p>
        ) : (
          <>
            <BarChart title={tr('console.analytics.actions.chart')} series={actions.series} bars={actions.bars} orientation="horizontal" table={false} />
            <OutcomeTable caption={tr('console.analytics.actions.title')} nameLabel={tr('console.analytics.actions.kind')} rows={actions.rows} bars={false} />
          </>
        )}
      </section>

      <section class="insight-section" aria-labelledby="an-installs">
        <h2 id="an-installs">{tr('console.analytics.installs.title')}</h2>
        {analytics.installs.length === 0 ? (
          <p class="empty">{tr('console.analytics.installs.empty')}</p>
        ) : (
          <OutcomeTable
            caption={tr('console.analytics.installs.title')}
            nameLabel={tr('console.analytics.installs.app')}
            rows={analytics.installs.map((i) => ({ name: i.appName, total: i.total, byStatus: i.byStatus }))}
          />
        )}
      </section>

      <section class="insight-section" aria-labelledby="an-articles">
        <h2 id="an-articles">{tr('console.analytics.articles.title')}</h2>
        {analytics.articles.length === 0 ? (
          <p class="empty">{tr('console.analytics.articles.empty')}</p>
        ) : (
          <table class="list insight-table">
            <caption class="visually-hidden">{tr('console.analytics.articles.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('console.analytics.articles.article')}</th>
                <th scope="col" class="num">{tr('console.analytics.articles.cited')}</th>
                <th scope="col" class="num">{tr('console.analytics.articles.solved')}</th>
                <th scope="col" class="num">{tr('console.analytics.articles.helpful')}</th>
              </tr>
            </thead>
            <tbody>
              {analytics.articles.map((article) => (
                <tr key={article.articleId}>
                  <th scope="row">
                    {article.title}
                    {article.lang && <span class="sub">{article.lang.toUpperCase()}</span>}
                  </th>
                  <td class="num" data-label={tr('console.analytics.articles.cited')}>{tr('console.analytics.articles.citedValue', { answers: article.citedAnswers, sessions: article.citedSessions })}</td>
                  <td class="num" data-label={tr('console.analytics.articles.solved')}>{tr('console.analytics.articles.votes', { yes: article.answerFeedback.solved, no: article.answerFeedback.notSolved })}</td>
                  <td class="num" data-label={tr('console.analytics.articles.helpful')}>{tr('console.analytics.articles.votes', { yes: article.articleFeedback.helpful, no: article.articleFeedback.notHelpful })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function AnalyticsView() {
  const [preset, setPreset] = useState<Preset>('30');
  const [custom, setCustom] = useState({ from: daysBefore(29), to: day(new Date()) });
  const [companyId, setCompanyId] = useState('');
  const [companies, setCompanies] = useState<Company[]>([]);
  const [report, setReport] = useState<Report>({ state: 'loading' });

  const period = preset === 'custom' ? custom : { from: daysBefore(Number(preset) - 1), to: day(new Date()) };

  useEffect(() => {
    void listCompanies().then((answer) => answer.ok && setCompanies(answer.body.companies));
  }, []);

  useEffect(() => {
    if (!period.from || !period.to) return;
    let current = true;
    setReport({ state: 'loading' });
    void getAnalytics({ ...period, companyId: companyId || undefined }).then((answer) => {
      if (current) setReport(loaded(answer, (analytics) => ({ analytics })));
    });
    return () => {
      current = false;
    };
  }, [period.from, period.to, companyId]);

  return (
    <section class="panel insight" aria-labelledby="analytics-title" aria-busy={report.state === 'loading'}>
      <h1 id="analytics-title">{tr('console.analytics.title')}</h1>
      <div class="insight-filters">
        <label>
          <span>{tr('console.analytics.period')}</span>
          <select value={preset} onChange={(event) => setPreset(event.currentTarget.value as Preset)}>
            <option value="7">{tr('console.analytics.lastDays', { count: 7 })}</option>
            <option value="30">{tr('console.analytics.lastDays', { count: 30 })}</option>
            <option value="90">{tr('console.analytics.lastDays', { count: 90 })}</option>
            <option value="custom">{tr('console.analytics.custom')}</option>
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label>
              <span>{tr('console.analytics.from')}</span>
              <input type="date" value={custom.from} max={custom.to} onChange={(event) => setCustom({ ...custom, from: event.currentTarget.value })} />
            </label>
            <label>
              <span>{tr('console.analytics.to')}</span>
              <input type="date" value={custom.to} min={custom.from} onChange={(event) => setCustom({ ...custom, to: event.currentTarget.value })} />
            </label>
          </>
        )}
        <label>
          <span>{tr('console.analytics.company')}</span>
          <select value={companyId} onChange={(event) => setCompanyId(event.currentTarget.value)}>
            <option value="">{tr('console.analytics.allCompanies')}</option>
            {companies.map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LoadStatus load={report} spaced />
      {report.state === 'ready' && (
        <>
          <p class="hint" role="status">
            {tr('console.analytics.periodShown', { from: report.analytics.period.from, to: report.analytics.period.to })}
          </p>
          <Report analytics={report.analytics} />
        </>
      )}
    </section>
  );
}
