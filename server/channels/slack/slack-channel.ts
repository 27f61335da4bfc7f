import { createHash } from 'node:crypto';
import { format } from 'node:util';
import { App, ExpressReceiver, LogLevel, type AuthorizeResult, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import type { IRouter } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import * as z from 'zod';
import { ActionRefSchema, PhoneSchema, VerifySchema, type ActionView } from '../../../domain/actions/action-schemas.js';
import { channelRefusal, type ChannelContactCtx } from '../../../domain/contacts/channel-contact.js';
import { setMyPhone } from '../../../domain/contacts/set-my-phone.js';
import { ChatSendSchema } from '../../../domain/conversations/conversation-schemas.js';
import { parseInput } from '../../../domain/validation.js';
import type { VerificationDeps } from '../../../domain/verification/send-verification-code.js';
import type { Language } from '../../../i18n/languages.js';
import { t } from '../../../i18n/translate.js';
import { toAppError } from '../../http/errors.js';
import type { actionSteps } from '../../realtime/action-steps.js';
import type { ChannelChats } from '../channel-chats.js';
import { plainFromSlack } from './slack-mrkdwn.js';
import { SlackOutbound } from './slack-outbound.js';
import type { SlackDispatch } from './slack-socket-mode.js';
import { SlackUsers } from './slack-users.js';
import { actionCard, codeModal, phoneModal, SLACK_IDS, type ModalState } from './slack-views.js';

/** Under `/integrations`: Slack's events and interactivity both come to POST /integrations/slack/events. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Without a signing secret there is no HTTP endpoint: the app hears Slack only through `dispatch` (Socket Mode). */
export type SlackConfig = { signingSecret?: string; botToken: string; apiUrl: string };

/** The receiver of an app that Slack reaches by Socket Mode alone: events come in by `dispatch`, not by it. */
const NO_HTTP: Receiver = { init: () => undefined, start: () => Promise.resolve(), stop: () => Promise.resolve() };

export type SlackChannelDeps = {
  pool: pg.Pool;
  logger: Logger;
  chats: ChannelChats;
  steps: ReturnType<typeof actionSteps>;
  verification: VerificationDeps;
  /** The tenant the app's workspace belongs to, and its name for the assistant. */
  tenant: { id: string; name: string };
};

const MessageEventSchema = z.object({
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  channel: z.string(),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  team: z.string().optional(),
});

const BlockActionSchema = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string() })).min(1),
});

const ViewSubmissionSchema = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }))) }),
  }),
});

/** The id a Slack message is stored under: the same for Slack's retries of one event, so it is stored and answered once. */
export function slackMessageId(teamId: string, channelId: string, ts: string): string {
  const hex = createHash('sha256').update(`slack:${teamId}:${channelId}:${ts}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Bolt's log lines, in ours. */
function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ channel: 'slack' });
  return {
    debug: (...msg: unknown[]) => log.debug(format(...msg)),
    info: (...msg: unknown[]) => log.info(format(...msg)),
    warn: (...msg: unknown[]) => log.warn(format(...msg)),
    error: (...msg: unknown[]) => log.error(format(...msg)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/**
 * The Slack app of one tenant. Over HTTP (`router`, with a signing secret) Bolt checks each request's signature (a bad
 * or stale one is answered 401 before anything runs); over Socket Mode the connection hands Slack's envelopes to
 * `dispatch`. Either way direct messages and mentions go to the assistant through the same way in as the widget's
 * chat, in the thread they were written in; buttons confirm or cancel an action and modals take the phone and the SMS
 * code. Answers go back through `outbound`, registered as the Slack channel.
 */
export function slackChannel(config: SlackConfig, deps: SlackChannelDeps): { router?: IRouter; dispatch: SlackDispatch; outbound: SlackOutbound } {
  const { logger, tenant } = deps;
  const receiver =
    config.signingSecret === undefined
      ? undefined
      : new ExpressReceiver({
          signingSecret: config.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          // The HTTP answer waits for the listener: a message is acknowledged once it is stored, not before.
          processBeforeResponse: true,
          logger: boltLogger(logger),
        });
  // Asked of Slack once, not at every event: Bolt's own single-token authorization calls auth.test each time.
  let identity: Promise<AuthorizeResult> | undefined;
  const app: App = new App({
    receiver: receiver ?? NO_HTTP,
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: config.apiUrl, retryConfig: { retries: 2 } },
    authorize: () =>
      (identity ??= app.client.auth
        .test({ token: config.botToken })
        .then((me) => ({ botToken: config.botToken, botId: me.bot_id, botUserId: me.user_id, teamId: me.team_id }))
        .catch((error: unknown) => {
          identity = undefined;
          throw error;
        })),
  });
  const token = config.botToken;
  const outbound = new SlackOutbound({ pool: deps.pool, logger, client: app.client, token });
  const users = new SlackUsers(deps.pool, app.client, token, tenant.id);

  /** The Slack user as a contact, or, refused politely in the thread, nobody. */
  const contactOf = async (userId: string, thread: { channelId: string; threadTs: string }): Promise<ChannelContactCtx | undefined> => {
    const user = await users.lookup(userId);
    if (user.contact) return user.contact;
    await outbound.post(thread, await channelRefusal(deps.pool, tenant.id, user.language));
    return undefined;
  };
  const sayError = async (error: unknown, language: Language, thread: { channelId: string; threadTs: string }) => {
    const appError = toAppError(error);
    if (appError.status >= 500) logger.error({ err: error, channel: 'slack' }, 'Slack request failed');
    await outbound.post(thread, t(language, appError.messageKey, appError.params));
  };

  const receive = async (raw: unknown, teamId: string | undefined, botUserId: string | undefined) => {
    const parsed = MessageEventSchema.safeParse(raw);
    // Edits, joins, bots (this one included) and other subtypes are not a user asking something.
    if (!parsed.success || parsed.data.subtype || parsed.data.bot_id) return;
    const event = parsed.data;
    const team = event.team ?? teamId ?? '';
    const thread = { channelId: event.channel, threadTs: event.thread_ts ?? event.ts };
    const text = plainFromSlack(event.text, botUserId);
    if (!text) return;
    const ctx = await contactOf(event.user, thread);
    if (!ctx) return;
    try {
      const input = parseInput(ChatSendSchema, { text, clientMessageId: slackMessageId(team, event.channel, event.ts) });
      await deps.chats.receive(ctx, tenant.name, {
        ...input,
        // Each user has their own conversation in a thread, even a shared channel's.
        channel: { kind: 'slack', thread: `${team}/${thread.channelId}/${thread.threadTs}/${event.user}`, address: { teamId: team, ...thread } },
      });
    } catch (error) {
      await sayError(error, ctx.actor.language, thread);
    }
  };

  app.event('app_mention', async ({ event, body, context }) => receive(event, body.team_id, context.botUserId));
  app.message(async ({ message, body, context }) => {
    // In a channel the bot answers when mentioned (app_mention); in a direct message, to everything.
    if ((message as { channel_type?: string }).channel_type !== 'im') return;
    await receive(message, body.team_id, context.botUserId);
  });

  /**
   * A button of an action card: its user as a contact, the action it names, then `act`; the card is redrawn with the
   * action as `act` left it, and a refusal is said in the thread.
   */
  const onCardButton = (
    id: string,
    act: (ctx: NonNullable<Awaited<ReturnType<typeof contactOf>>>, actionId: string, triggerId: string) => Promise<{ action: ActionView }>,
  ) =>
    app.action(id, async ({ ack, body }) => {
      await ack();
      const action = BlockActionSchema.parse(body);
      const thread = { channelId: action.channel?.id ?? '', threadTs: action.message?.thread_ts ?? action.message?.ts ?? '' };
      const ctx = await contactOf(action.user.id, thread);
      if (!ctx) return;
      try {
        const { actionId } = parseInput(ActionRefSchema, { actionId: action.actions[0]!.value });
        const after = await act(ctx, actionId, action.trigger_id);
        if (action.message && action.channel) {
          const card = actionCard(after.action, ctx.actor.language);
          await outbound.update(action.channel.id, action.message.ts, card.text, card.blocks);
        }
      } catch (error) {
        await sayError(error, ctx.actor.language, thread);
      }
    });

  onCardButton(SLACK_IDS.confirm, async (ctx, actionId, triggerId) => {
    const confirmed = await deps.steps.confirm(ctx, actionId);
    const state: ModalState = { actionId };
    const view = confirmed.needsPhone ? phoneModal(state, ctx.actor.language) : codeModal(state, ctx.actor.language);
    await app.client.views.open({ token, trigger_id: triggerId, view: view as never });
    return confirmed;
  });
  onCardButton(SLACK_IDS.cancel, (ctx, actionId) => deps.steps.cancel(ctx, actionId));

  /** A modal's submission: its user as a contact, what it carries, and the value typed in its one field. */
  const submission = async (body: unknown, field: string) => {
    const parsed = ViewSubmissionSchema.parse(body);
    const user = await users.lookup(parsed.user.id);
    const state = parseInput(ActionRefSchema, JSON.parse(parsed.view.private_metadata));
    return { user, actionId: state.actionId, value: parsed.view.state.values[field]?.[field]?.value ?? '' };
  };

  app.view(SLACK_IDS.phoneView, async ({ ack, body }) => {
    const { user, actionId, value } = await submission(body, 'phone');
    if (!user.contact) return ack({ response_action: 'errors', errors: { phone: t(user.language, 'errors.forbidden') } });
    try {
      const { phone } = parseInput(PhoneSchema, { phone: value });
      await setMyPhone(deps.pool, deps.verification, user.contact, phone);
      await ack({ response_action: 'update', view: codeModal({ actionId }, user.language) as never });
    } catch (error) {
      const appError = toAppError(error);
      await ack({ response_action: 'errors', errors: { phone: t(user.language, appError.messageKey, appError.params) } });
    }
  });

  app.view(SLACK_IDS.codeView, async ({ ack, body }) => {
    const { user, actionId, value } = await submission(body, 'code');
    if (!user.contact) return ack({ response_action: 'errors', errors: { code: t(user.language, 'errors.forbidden') } });
    try {
      await deps.steps.verify(user.contact, parseInput(VerifySchema, { actionId, code: value.trim() }));
      await ack();
    } catch (error) {
      const appError = toAppError(error);
      await ack({ response_action: 'errors', errors: { code: t(user.language, appError.messageKey, appError.params) } });
    }
  });

  app.error(async (error) => {
    logger.error({ err: error, channel: 'slack' }, 'Slack event failed');
  });

  return { router: receiver?.router, dispatch: (event) => app.processEvent(event), outbound };
}
