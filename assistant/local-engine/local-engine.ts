import type pg from 'pg';
import type { ActionView } from '../../domain/actions/action-schemas.js';
import { cancelAction } from '../../domain/actions/cancel-action.js';
import type { CatalogAppRef } from '../../domain/catalog/match-catalog-app.js';
import { AppError } from '../../domain/errors.js';
import { isLanguage, type Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { escapeMarkdown } from '../../text/escape-markdown.js';
import { runTool } from '../../tools/run-tool.js';
import { findTool } from '../../tools/index.js';
import type { QuickReply } from '../../domain/conversations/conversation-schemas.js';
import type { Citation, ToolOutcome } from '../../tools/tool.js';
import type { AssistantEngine, DeviceSummary, PendingState, ToolCallRecord, TurnInput, TurnResult, TurnSink } from '../engine.js';
import { asksBeyondOwnDevices, namesSomeoneElsesDevice, ownershipOf } from '../beyond-own-devices.js';
import { catalogForReading } from '../catalog-for-reading.js';
import { stepsFromPassage } from './kb-steps.js';
import { understand, type Understanding } from './nlu/understand.js';
import { readFollowUp, type Proposal } from './follow-up.js';
import { devicesMentioned } from './resolve-device.js';

/** Below this an action intent is confirmed with the user instead of proposed: the engine never guesses an action. */
const ACTION_CONFIDENCE = 0.75;
/** Below this a ticket is offered instead of opened: a technician's time is not spent on a guess. */
const MIN_CONFIDENCE = 0.45;

type Reply = { text: string; pending?: PendingState | null; citations?: Citation[]; quickReplies?: QuickReply[] };

/** Markdown this engine built itself (links, lists), passed into a template as is; any other text is escaped there. */
class Markdown {
  constructor(readonly text: string) {}
}

type Turn = {
  input: TurnInput;
  /** The tenant's enabled apps, by which the engine names an app it asks about. */
  catalog: CatalogAppRef[];
  toolCalls: ToolCallRecord[];
  call(name: string, args: Record<string, unknown>): Promise<ToolOutcome>;
  /** A translated template; its text parameters (subjects, names, replies: what people wrote) go in escaped. */
  say(key: string, params?: Record<string, string | number | Markdown>): string;
};

function templateParams(params: Record<string, string | number | Markdown>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, value instanceof Markdown ? value.text : typeof value === 'string' ? escapeMarkdown(value) : value]),
  );
}

/** A refusal's message is plain text in the user's language, and may quote what the user typed. */
function refusal(message: string): string {
  return escapeMarkdown(message);
}

// The answer is ready at once: it streams in pieces of a line or so, as a model's would arrive, not word by word, which
// cost a socket frame (and a stored event for connection recovery) per word.
const CHUNK_CHARS = 80;

function chunked(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const word of text.match(/\S+\s*/g) ?? [text]) {
    current += word;
    if (current.length >= CHUNK_CHARS || word.includes('\n')) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function deviceList(devices: DeviceSummary[]): Markdown {
  return new Markdown(devices.map((d, i) => `${i + 1}. ${escapeMarkdown(d.name)}`).join('\n'));
}

/** "Which device?" answered with one press: each device by its name, which the next turn recognises. */
function deviceChoice(turn: Turn, devices: DeviceSummary[], pending: PendingState): Reply {
  return {
    text: turn.say('assistant.which_device', { devices: deviceList(devices) }),
    pending,
    quickReplies: devices.map((d) => ({ label: d.name, text: d.name })),
  };
}

/** A reply's own words offered as buttons: what the button says is what it sends. */
function sayable(turn: Turn, ...keys: string[]): QuickReply[] {
  return keys.map((key) => {
    const text = t(turn.input.language, key);
    return { label: text, text };
  });
}

function actionLabel(lang: Language, kind: string): string {
  return t(lang, `assistant.action.${kind}`);
}

async function answerFromKnowledgeBase(turn: Turn, query: string): Promise<Reply> {
  const outcome = await turn.call('search_knowledge_base', { query, limit: 3 });
  if (!outcome.ok) return { text: outcome.error.code === 'section_disabled' ? turn.say('assistant.section_off') : refusal(outcome.error.message) };
  const results = (outcome.data as { results: { articleId: string; slug: string; title: string; lang?: string; passage: string }[] }).results;
  const [best] = results;
  if (!best) return { text: turn.say('assistant.kb_nothing'), quickReplies: sayable(turn, 'assistant.reply.open_ticket') };
  // The article's language said in the user's: an Italian reader should know the steps come from a French page.
  const intro =
    best.lang && best.lang !== turn.input.language
      ? turn.say('assistant.kb_intro_other_language', { title: best.title, language: t(turn.input.language, `assistant.language.${best.lang}`) })
      : turn.say('assistant.kb_intro', { title: best.title });
  // The articles go with the message as its citations, which each channel shows its own way (the portal as links
  // under the answer), rather than as links written into the text as well.
  return {
    text: [intro, stepsFromPassage(best.passage), turn.say('assistant.kb_followup')].join('\n\n'),
    citations: results.map(({ articleId, slug, title, lang }) => ({ articleId, slug, title, ...(isLanguage(lang) ? { lang } : {}) })),
  };
}

function describeProposal(turn: Turn, action: ActionView): string {
  return action.kind === 'install'
    ? turn.say('assistant.install_proposed', { app: action.appName ?? action.appId ?? '', device: action.deviceName })
    : turn.say('assistant.action_proposed', { action: actionLabel(turn.input.language, action.kind), device: action.deviceName });
}

/** Proposes the action through its tool, asking which device when the message did not settle it. */
async function proposeAction(
  turn: Turn,
  tool: 'request_device_action' | 'request_software_install',
  args: Record<string, string>,
  deviceText: string,
  platform?: DeviceSummary['os'],
): Promise<Reply> {
  const devices = turn.input.profile.devices;
  if (!turn.input.profile.sections.selfService) return { text: turn.say('assistant.section_off') };
  if (devices.length === 0) return { text: turn.say('assistant.no_devices') };
  const candidates = devicesMentioned(deviceText, devices, platform);
  const chosen = candidates.length === 1 ? { ...args, device: candidates[0]!.id } : args;
  const outcome = await turn.call(tool, chosen);
  if (outcome.ok) {
    const { action } = outcome.data as { action: ActionView };
    return { text: describeProposal(turn, action), pending: { kind: 'proposed', tool, actionId: action.id, args: { ...args, device: action.deviceId } } };
  }
  switch (outcome.error.code) {
    case 'device_choice_needed': {
      const offered = candidates.length > 1 && candidates.length < devices.length ? candidates : devices;
      return deviceChoice(turn, offered, { kind: 'device_choice', tool, args });
    }
    case 'app_not_in_catalog': {
      const details = outcome.error.details as { requested: string; alternatives: { name: string }[] };
      const parts = [turn.say('assistant.not_in_catalog', { app: details.requested })];
      if (details.alternatives.length > 0) parts.push(turn.say('assistant.catalog_alternatives', { apps: details.alternatives.map((a) => a.name).join(', ') }));
      parts.push(turn.say('assistant.catalog_ticket'));
      return {
        text: parts.join(' '),
        pending: { kind: 'software_request', app: details.requested },
        quickReplies: sayable(turn, 'assistant.reply.yes', 'assistant.reply.no'),
      };
    }
    case 'section_disabled':
      return { text: turn.say('assistant.section_off'), pending: null };
    default:
      return { text: refusal(outcome.error.message), pending: null };
  }
}

async function ticketStatus(turn: Turn, number: number): Promise<Reply> {
  const outcome = await turn.call('get_ticket_status', { number });
  if (!outcome.ok) return { text: outcome.error.code === 'section_disabled' ? turn.say('assistant.section_off') : refusal(outcome.error.message), pending: null };
  const ticket = outcome.data as { number: number; subject?: string; status?: string; latestReplies: { author: string; text: string }[] };
  const lines = [
    turn.say('assistant.ticket_status', {
      number: ticket.number,
      subject: ticket.subject ?? '',
      status: ticket.status ? t(turn.input.language, `status.${ticket.status}`) : '—',
    }),
  ];
  const latest = ticket.latestReplies.at(-1);
  if (latest) lines.push(turn.say('assistant.ticket_latest_reply', { author: latest.author, text: latest.text.slice(0, 300) }));
  return { text: lines.join('\n\n'), pending: null };
}

async function listMyTickets(turn: Turn): Promise<Reply> {
  const outcome = await turn.call('list_my_tickets', { limit: 5 });
  if (!outcome.ok) return { text: outcome.error.code === 'section_disabled' ? turn.say('assistant.section_off') : refusal(outcome.error.message) };
  const { tickets } = outcome.data as { tickets: { number: number; subject?: string; status?: string }[] };
  if (tickets.length === 0) return { text: turn.say('assistant.tickets_none') };
  const lines = tickets.map(
    (ticket) => `- #${ticket.number} ${escapeMarkdown(ticket.subject ?? '')}${ticket.status ? ` (${t(turn.input.language, `status.${ticket.status}`)})` : ''}`,
  );
  return { text: `${turn.say('assistant.tickets_intro')}\n${lines.join('\n')}` };
}

async function listMyDevices(turn: Turn): Promise<Reply> {
  const outcome = await turn.call('list_my_devices', {});
  if (!outcome.ok) return { text: outcome.error.code === 'section_disabled' ? turn.say('assistant.section_off') : refusal(outcome.error.message) };
  const { devices } = outcome.data as { devices: { name: string; os: string; osVersion: string | null }[] };
  if (devices.length === 0) return { text: turn.say('assistant.no_devices') };
  return { text: `${turn.say('assistant.devices_intro')}\n${devices.map((d) => `- ${escapeMarkdown(d.name)} (${escapeMarkdown(d.osVersion ?? d.os)})`).join('\n')}` };
}

async function openTicket(turn: Turn, escalate: boolean, text: string, type?: 'request'): Promise<Reply> {
  const outcome = escalate
    ? await turn.call('escalate_to_technician', { reason: text })
    : await turn.call('create_ticket', { summary: text, ...(type ? { subject: text, type } : {}) });
  if (!outcome.ok) return { text: refusal(outcome.error.message), pending: null };
  const { ticket } = outcome.data as { ticket: { number: number; created: boolean } };
  if (escalate) return { text: turn.say('assistant.escalated', { number: ticket.number }), pending: null };
  return { text: turn.say(ticket.created ? 'assistant.ticket_created' : 'assistant.ticket_exists', { number: ticket.number }), pending: null };
}

/**
 * Asks before an action the engine is not sure the user asked for, naming exactly what a yes would do: the action or
 * the app, and the device when the message or the user's only device settles it.
 */
function confirmFirst(turn: Turn, tool: 'request_device_action' | 'request_software_install', args: Record<string, string>, deviceText: string, platform?: DeviceSummary['os']): Reply {
  const lang = turn.input.language;
  const candidates = devicesMentioned(deviceText, turn.input.profile.devices, platform);
  const device = candidates.length === 1 ? candidates[0] : undefined;
  const app = args.app ? (turn.catalog.find((entry) => entry.id === args.app)?.name ?? args.app) : undefined;
  const action = app !== undefined ? t(lang, 'assistant.install_named', { app }) : actionLabel(lang, args.action!);
  return {
    text: device ? turn.say('assistant.confirm_on_device', { action, device: device.name }) : turn.say('assistant.confirm_intent', { action }),
    pending: { kind: 'confirm', tool, args: device ? { ...args, device: device.id } : args },
    quickReplies: sayable(turn, 'assistant.reply.yes', 'assistant.reply.no'),
  };
}

/** Asks before opening a ticket the engine is not sure the user asked for; a yes opens it with the message that asked. */
function confirmTicket(turn: Turn, intent: 'create_ticket' | 'escalate'): Reply {
  return {
    text: turn.say(intent === 'escalate' ? 'assistant.confirm_escalate' : 'assistant.confirm_ticket'),
    pending: { kind: 'confirm', tool: intent === 'escalate' ? 'escalate_to_technician' : 'create_ticket', args: {} },
    quickReplies: sayable(turn, 'assistant.reply.yes', 'assistant.reply.no'),
  };
}

/** Cancels the action just proposed, for the user, and shows its card as cancelled; false when it went further already. */
async function withdraw(turn: Turn, actionId: string): Promise<boolean> {
  try {
    turn.input.tools.record.actions.push(await cancelAction(turn.input.tools.deps.pool, turn.input.tools.ctx, actionId));
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

async function followUp(turn: Turn, pending: Extract<PendingState, { kind: 'proposed' }>, u: Understanding): Promise<Reply | undefined> {
  const devices = turn.input.profile.devices;
  const proposal = { actionId: pending.actionId, kind: (pending.args.action ?? 'install') as Proposal['kind'], deviceId: pending.args.device ?? '' };
  const next = readFollowUp(turn.input.text, { intent: u.intent, action: u.slots.action, device: u.slots.device }, proposal, devices);
  if (!next) return undefined;
  if (next.kind === 'also') return proposeAction(turn, pending.tool, { ...pending.args, device: next.device.id }, '');
  if (!(await withdraw(turn, pending.actionId))) return { text: turn.say('assistant.too_late_to_change'), pending: null };
  switch (next.kind) {
    case 'cancel':
      return { text: turn.say('assistant.cancelled'), pending: null };
    case 'other_device':
      return proposeAction(turn, pending.tool, { ...pending.args, device: next.device.id }, '');
    case 'instead':
      return proposeAction(turn, 'request_device_action', { action: next.action, device: proposal.deviceId }, '');
  }
}

async function actOn(turn: Turn, u: Understanding): Promise<Reply> {
  const text = turn.input.text;
  const name = turn.input.profile.userName.split(' ')[0] ?? '';
  const isAction = u.tool === 'request_device_action' || u.tool === 'request_software_install';
  if (isAction && asksBeyondOwnDevices(text)) return { text: turn.say('assistant.refuse_injection'), pending: null };
  if (isAction && namesSomeoneElsesDevice(text, ownershipOf(turn.input.profile))) return { text: turn.say('assistant.refuse_other_device'), pending: null };
  if (isAction && u.confidence < ACTION_CONFIDENCE) {
    const app = u.slots.app?.id ?? u.slots.app?.phrase ?? '';
    if (u.tool === 'request_software_install' && !app) return answerFromKnowledgeBase(turn, text);
    return confirmFirst(turn, u.tool as 'request_device_action' | 'request_software_install', u.slots.action ? { action: u.slots.action } : { app }, text, u.slots.device?.platform);
  }
  if (u.confidence < MIN_CONFIDENCE && (u.intent === 'create_ticket' || u.intent === 'escalate')) return confirmTicket(turn, u.intent);

  switch (u.intent) {
    case 'kb_question':
      return answerFromKnowledgeBase(turn, text);
    case 'device_restart':
    case 'device_lock':
    case 'device_shutdown':
    case 'device_logout':
    case 'device_reset_password':
      return proposeAction(turn, 'request_device_action', { action: u.slots.action ?? u.intent.slice('device_'.length) }, text, u.slots.device?.platform);
    case 'install_software': {
      const app = u.slots.app;
      if (!app || (!app.id && !app.phrase)) return { text: turn.say('assistant.which_app'), pending: { kind: 'app_name' } };
      return proposeAction(turn, 'request_software_install', { app: app.id ?? app.phrase }, text, u.slots.device?.platform);
    }
    case 'list_devices':
      return listMyDevices(turn);
    case 'ticket_status':
      if (u.slots.ticketNumber === undefined) return { text: turn.say('assistant.which_ticket'), pending: { kind: 'ticket_number' } };
      return ticketStatus(turn, u.slots.ticketNumber);
    case 'list_tickets':
      return listMyTickets(turn);
    case 'create_ticket':
      return openTicket(turn, false, text);
    case 'escalate':
      return openTicket(turn, true, text);
    case 'greeting':
      return { text: turn.say('assistant.greeting', { name }) };
    case 'thanks':
      return { text: turn.say('assistant.thanks') };
    case 'goodbye':
      return { text: turn.say('assistant.goodbye', { name }) };
    case 'help':
      return { text: turn.say('assistant.help') };
    case 'small_talk':
      return { text: [turn.say('assistant.off_topic'), turn.say('assistant.help')].join('\n\n') };
    case 'cancel':
      return { text: turn.say('assistant.cancelled'), pending: null };
    case 'affirm':
    case 'deny':
      return { text: turn.say('assistant.anything_else') };
  }
}

/** Follows up on what the previous turn asked for; undefined when the message is about something else. */
async function continuePending(turn: Turn, pending: PendingState, u: Understanding): Promise<Reply | undefined> {
  if (pending.kind === 'proposed') return followUp(turn, pending, u);
  if (pending.kind === 'software_request') {
    if (u.intent === 'affirm') return openTicket(turn, false, turn.say('assistant.software_request', { app: pending.app }), 'request');
    return u.intent === 'deny' || u.intent === 'cancel' ? { text: turn.say('assistant.anything_else'), pending: null } : undefined;
  }
  if (u.intent === 'cancel' || (u.intent === 'deny' && pending.kind === 'confirm')) return { text: turn.say('assistant.cancelled'), pending: null };
  const text = turn.input.text;
  switch (pending.kind) {
    case 'confirm':
      if (u.intent !== 'affirm') return undefined;
      if (pending.tool === 'create_ticket' || pending.tool === 'escalate_to_technician') {
        const asked = turn.input.history.findLast((entry) => entry.role === 'user')?.text ?? text;
        return openTicket(turn, pending.tool === 'escalate_to_technician', asked);
      }
      return proposeAction(turn, pending.tool as 'request_device_action' | 'request_software_install', pending.args, '');
    case 'device_choice': {
      const devices = turn.input.profile.devices;
      const picked = devicesMentioned(text, devices, u.slots.device?.platform);
      if (picked.length !== 1) {
        if (u.confidence >= ACTION_CONFIDENCE && u.intent !== 'affirm' && u.intent !== 'deny') return undefined;
        return deviceChoice(turn, devices, pending);
      }
      return proposeAction(turn, pending.tool, { ...pending.args, device: picked[0]!.id }, '');
    }
    case 'ticket_number': {
      const number = u.slots.ticketNumber ?? Number(/\d+/.exec(text)?.[0] ?? NaN);
      return Number.isInteger(number) ? ticketStatus(turn, number) : undefined;
    }
    case 'app_name': {
      if (u.tool && u.tool !== 'request_software_install' && u.confidence >= ACTION_CONFIDENCE) return undefined;
      const app = u.slots.app;
      return proposeAction(turn, 'request_software_install', { app: app?.id ?? app?.phrase ?? text.trim().slice(0, 120) }, text, u.slots.device?.platform);
    }
  }
}

/**
 * The deterministic, offline engine: it understands the message with the trained classifier, calls the same tools as
 * the LLM engine and answers from translated templates. It proposes actions only for intents it is sure of.
 */
export function createLocalEngine(deps: { pool: pg.Pool }): AssistantEngine {
  return {
    name: 'local',
    async runTurn(input: TurnInput, sink: TurnSink): Promise<TurnResult> {
      const toolCalls: ToolCallRecord[] = [];
      const catalog = input.profile.sections.selfService ? await catalogForReading(deps.pool, input.tools.ctx.tenantId) : [];
      const turn: Turn = {
        input,
        catalog,
        toolCalls,
        say: (key, params = {}) => t(input.language, key, templateParams(params)),
        async call(name, args) {
          const result = await runTool(findTool(name)!, input.tools, args);
          toolCalls.push({ name, args, result });
          return result;
        },
      };
      const u = await understand(input.text, { fallbackLanguage: input.language, catalog });
      const reply = (input.pending ? await continuePending(turn, input.pending, u) : undefined) ?? (await actOn(turn, u));
      for (const piece of chunked(reply.text)) sink.delta(piece);
      return {
        text: reply.text,
        toolCalls,
        record: input.tools.record,
        pending: reply.pending ?? null,
        ...(reply.citations ? { citations: reply.citations } : {}),
        ...(reply.quickReplies ? { quickReplies: reply.quickReplies } : {}),
      };
    },
  };
}
