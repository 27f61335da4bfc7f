import { AppError } from '../errors.js';
import { DEFAULT_PERIOD_DAYS, MAX_DAILY_DAYS, MAX_PERIOD_DAYS } from './analytics-schemas.js';

const DAY_MS = 86_400_000;

export type BucketUnit = 'day' | 'week';
/** `key` is the day (UTC) SQL's date_trunc gives the bucket: the day itself, or the Monday of its week. */
export type Bucket = { key: string; start: string; end: string };
export type AnalyticsPeriod = {
  from: string;
  to: string;
  unit: BucketUnit;
  /** From the first day's midnight (UTC) to the midnight after the last day, excluded. */
  startsAt: Date;
  endsBefore: Date;
  buckets: Bucket[];
};

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(isoDay: string, days: number): string {
  return day(new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY_MS));
}

function mondayOf(isoDay: string): string {
  const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
  return addDays(isoDay, -((weekday + 6) % 7));
}

/**
 * The period asked for, with its defaults (the last 30 days up to today) and its buckets: days up to two months,
 * weeks beyond, the first and last week cut to the period.
 */
export function analyticsPeriod(query: { from?: string; to?: string }, now: Date): AnalyticsPeriod {
  const to = query.to ?? (query.from ? maxDay(day(now), query.from) : day(now));
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) throw periodError('`from` must not be after `to`');
  if (days > MAX_PERIOD_DAYS) throw periodError(`the period may hold at most ${MAX_PERIOD_DAYS} days`);
  const unit: BucketUnit = days <= MAX_DAILY_DAYS ? 'day' : 'week';
  const buckets: Bucket[] = [];
  for (let key = unit === 'day' ? from : mondayOf(from); key <= to; key = addDays(key, unit === 'day' ? 1 : 7)) {
    const last = unit === 'day' ? key : addDays(key, 6);
    buckets.push({ key, start: key < from ? from : key, end: last > to ? to : last });
  }
  return {
    from,
    to,
    unit,
    startsAt: new Date(`${from}T00:00:00Z`),
    endsBefore: new Date(`${addDays(to, 1)}T00:00:00Z`),
    buckets,
  };
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

function periodError(detail: string): AppError {
  return new AppError('validation_failed', detail, { params: { detail }, details: [{ path: 'from', message: detail, code: 'custom' }] });
}
