import { createHash, randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TeamsInfo,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import type pg from 'pg';
import type { Logger } from 'pino';
import * as z from 'zod';
import type { TenantRow } from '../../../db/repositories/tenants.js';
import { CodeSchema, type ActionView } from '../../../domain/actions/action-schemas.js';
import { actionView } from '../../../domain/actions/action-view.js';
import { loadOwnAction } from '../../../domain/actions/load-own-action.js';
import { channelRefusal, findChannelContact } from '../../../domain/contacts/channel-contact.js';
import { setMyPhone } from '../../../domain/contacts/set-my-phone.js';
import type { ContactActor, Ctx } from '../../../domain/context.js';
import { ChatSendSchema, type MessageView } from '../../../domain/conversations/conversation-schemas.js';
import { currentChannelThread } from '../../../domain/conversations/current-channel-thread.js';
import { messageAsText } from '../../../domain/conversations/message-as-text.js';
import { portalHostnames } from '../../../domain/email/queue-welcome-email.js';
import { AppError, isAppError } from '../../../domain/errors.js';
import type { VerificationDeps } from '../../../domain/verification/send-verification-code.js';
import { isLanguage, languageFromAcceptHeader, type Language } from '../../../i18n/languages.js';
import { t } from '../../../i18n/translate.js';
import { escapeMarkdown } from '../../../text/escape-markdown.js';
import type { actionSteps } from '../../realtime/action-steps.js';
import type { ChannelChats } from '../channel-chats.js';
import type { ChannelOutbound, ConversationTo } from '../channel-outbound.js';
import { absolutePortalLinks, actionCard, actionStatusLine, CardSubmitSchema, codeCard, phoneCard, type AdaptiveCard, type CardSubmit } from './teams-cards.js';

/** The bot's app registration in Azure (`MICROSOFT_APP_*`). */
export type TeamsSettings = { appId: string; password: string; tenantId?: string };

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/**
 * Another Bot Framework than Azure's public cloud: its OpenID metadata, token issuer and login, as botbuilder names
 * them (`ToBotFromChannelOpenIdMetadataUrl`…), and the credentials the bot's own calls carry. A sovereign cloud or a
 * test's local connector; the credentials are made for each app registration, since every tenant may have its own.
 */
export type TeamsCloud = { settings: Record<string, string>; credentialsFactory?: (appId: string) => CredentialsFactory };

export type TeamsChannelDeps = {
  pool: pg.Pool;
  logger: Logger;
  chats: ChannelChats;
  steps: ReturnType<typeof actionSteps>;
  verification: VerificationDeps;
  settings: TeamsSettings;
  cloud?: TeamsCloud;
};

/** A personal chat with the bot lasts forever; after this long without a word, the next message starts a new chat session. */
const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
const MAX_BODY = '256kb';

/** What a Teams conversation's replies need, kept with the conversation: a proactive message's reference and how to word it. */
const AddressSchema = z.object({
  serviceUrl: z.string(),
  conversationId: z.string(),
  botId: z.string(),
  userId: z.string(),
  msTenantId: z.string().optional(),
  language: z.string(),
  portalUrl: z.string(),
});
type Address = z.infer<typeof AddressSchema>;

/** The adapter, for a request authenticated already. */
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

class AuthenticatedAdapter extends CloudAdapter {
  run(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.processActivity(authenticated, activity, logic).then(() => undefined);
  }
}

/** A Teams message id as a client message id, so a delivery Bot Framework retries is stored once. */
function messageIdOf(conversationId: string, activityId: string): string {
  const hex = createHash('sha256').update(`teams\u0000${conversationId}\u0000${activityId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Microsoft Teams as a channel: Bot Framework activities at `POST /integrations/teams/messages`, authenticated by
 * botbuilder's `CloudAdapter`, go through the same way in as the widget's messages; replies go back as proactive
 * messages to the stored conversation reference. Action requests are Adaptive Cards whose buttons take the widget's
 * steps.
 */
export class TeamsChannel {
  readonly adapter: AuthenticatedAdapter;
  private readonly auth: ConfigurationBotFrameworkAuthentication;
  /** Per conversation, what is being said, so Teams shows messages in the order they were said. */
  private readonly sending = new Map<string, Promise<void>>();
  /** Cards proposed during a turn wait for the assistant's text that introduces them ("confirm it below"). */
  private readonly pendingCards = new Map<string, ActionView[]>();

  constructor(private readonly deps: TeamsChannelDeps) {
    const { settings, cloud } = deps;
    this.auth = new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: settings.appId,
        MicrosoftAppPassword: settings.password,
        MicrosoftAppType: settings.tenantId ? 'SingleTenant' : 'MultiTenant',
        ...(settings.tenantId ? { MicrosoftAppTenantId: settings.tenantId } : {}),
        ...cloud?.settings,
      },
      cloud?.credentialsFactory?.(settings.appId),
    );
    this.adapter = new AuthenticatedAdapter(this.auth);
    this.adapter.onTurnError = async (context, error) => {
      deps.logger.error({ err: error, conversation: context.activity.conversation?.id }, 'teams turn failed');
      await context.sendActivity(t(languageFromAcceptHeader(context.activity.locale), 'errors.internal'));
    };
  }

  /** `POST /teams/messages`, to mount under `/integrations` once the request's tenant is known. */
  routes(): express.Router {
    const router = express.Router();
    router.post('/teams/messages', express.json({ limit: MAX_BODY }), async (req: Request, res: Response) => {
      const activity = z.looseObject({ type: z.string().min(1) }).safeParse(req.body);
      if (!activity.success) throw new AppError('validation_failed', 'not a Bot Framework activity', { details: activity.error.issues });
      const tenant = req.tenant!;
      const header = req.headers.authorization ?? '';
      // Checked here rather than inside `CloudAdapter.process`, which prints every refusal's stack and answers a badly
      // signed token with a 500: any failure to prove the sender is Bot Framework is a 401, logged in one line.
      const authenticated = await this.auth.authenticateRequest(activity.data as Partial<Activity> as Activity, header).catch((error: unknown) => {
        req.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'teams request refused');
        return undefined;
      });
      if (!authenticated) throw new AppError('unauthenticated', 'Bot Framework token missing or not valid');
      await this.adapter.run(authenticated, activity.data as Partial<Activity> as Activity, (context) => this.turn(context, tenant));
      res.status(200).end();
    });
    return router;
  }

  private async turn(context: TurnContext, tenant: TenantRow): Promise<void> {
    const activity = context.activity;
    // Installing the app adds the bot to the user's personal chat: the bot introduces itself there.
    const installed = activity.type === 'conversationUpdate' && activity.membersAdded?.some((member) => member.id === activity.recipient.id);
    if (activity.type !== 'message' && !installed) return;
    const locale = languageFromAcceptHeader(activity.locale);
    if (activity.channelId !== 'msteams' || activity.conversation.conversationType !== 'personal') {
      await context.sendActivity(t(locale, 'teams.personal_only'));
      return;
    }
    const { actor, signIn } = await this.identify(context, tenant.id);
    if (!actor) {
      const refusal = signIn ? await channelRefusal(this.deps.pool, tenant.id, locale, escapeMarkdown) : t(locale, 'teams.unknown_account');
      await context.sendActivity(MessageFactory.text(refusal));
      return;
    }
    if (installed) {
      await context.sendActivity(t(actor.language, 'assistant.greeting', { name: escapeMarkdown(actor.name) }));
      return;
    }
    const ctx = { tenantId: tenant.id, actor };
    try {
      const submitted = activity.value === undefined ? undefined : CardSubmitSchema.safeParse(activity.value);
      if (submitted) {
        if (submitted.success) await this.submit(context, ctx, submitted.data);
        return;
      }
      await this.receive(context, ctx, tenant);
    } catch (error) {
      if (!isAppError(error) && !(error instanceof z.ZodError)) throw error;
      const refusal = isAppError(error) ? t(actor.language, error.messageKey, error.params) : t(actor.language, 'errors.validation_failed');
      await context.sendActivity(refusal);
    }
  }

  /**
   * The contact behind a Teams user: their Microsoft 365 sign-in name (UPN), which Microsoft allows only on a domain
   * the organization verified, or their mail address when it is on that same domain. The mail attribute alone is
   * never enough: an organization's admins can set it to any address.
   */
  private async identify(context: TurnContext, tenantId: string): Promise<{ actor?: ContactActor; signIn?: string }> {
    const member = await TeamsInfo.getMember(context, context.activity.from.id).catch((error: unknown) => {
      this.deps.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'teams member lookup failed');
      return undefined;
    });
    const signIn = member?.userPrincipalName?.trim();
    if (!signIn?.includes('@')) return {};
    const addresses = [signIn, ...(member?.email && domainOf(member.email) === domainOf(signIn) ? [member.email] : [])];
    for (const address of addresses) {
      const contact = await findChannelContact(this.deps.pool, tenantId, address);
      if (contact) return { actor: contact.actor, signIn };
    }
    return { signIn };
  }

  private async receive(context: TurnContext, ctx: Ctx & { actor: ContactActor }, tenant: TenantRow): Promise<void> {
    const activity = context.activity;
    const text = TurnContext.removeRecipientMention(activity)?.trim() ?? activity.text?.trim() ?? '';
    // A picture or a file alone: nothing the assistant can read.
    if (!text) return;
    // Without an id (never seen from Teams) a message cannot be told from a retry: it is taken as new.
    const clientMessageId = activity.id ? messageIdOf(activity.conversation.id, activity.id) : randomUUID();
    const input = ChatSendSchema.parse({ text, clientMessageId });
    const chat = activity.conversation.id;
    const thread = await currentChannelThread(this.deps.pool, ctx, { kind: 'teams', chat, fresh: input.clientMessageId!, idleMs: SESSION_IDLE_MS });
    const address: Address = {
      serviceUrl: activity.serviceUrl,
      conversationId: chat,
      botId: activity.recipient.id,
      userId: activity.from.id,
      ...(activity.conversation.tenantId ? { msTenantId: activity.conversation.tenantId } : {}),
      language: ctx.actor.language,
      portalUrl: `https://${(await portalHostnames(this.deps.pool, ctx.tenantId)).portal}`,
    };
    await this.deps.chats.receive(ctx, tenant.name, { ...input, channel: { kind: 'teams', thread, address } });
  }

  /** A card's button: the same steps as the widget's, the next card (the phone, the code) answered in the turn. */
  private async submit(context: TurnContext, ctx: Ctx & { actor: ContactActor }, input: CardSubmit): Promise<void> {
    const { steps } = this.deps;
    const lang = ctx.actor.language;
    const cardOf = (next: AdaptiveCard) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(next)));
    switch (input.portico) {
      case 'confirm': {
        const confirmed = await steps.confirm(ctx, input.actionId);
        await cardOf(confirmed.needsPhone ? phoneCard(confirmed.action, lang) : codeCard(confirmed.action, lang));
        return;
      }
      case 'phone': {
        // Saving the phone sends the code for the action waiting for one.
        await setMyPhone(this.deps.pool, this.deps.verification, ctx, input.phone ?? '');
        await cardOf(codeCard(actionView(await loadOwnAction(this.deps.pool, ctx, input.actionId)), lang));
        return;
      }
      case 'verify':
        await steps.verify(ctx, { actionId: input.actionId, code: CodeSchema.parse(input.code ?? '') });
        return;
      case 'cancel':
        await steps.cancel(ctx, input.actionId);
    }
  }

  /** Replies to Teams: proactive messages to the conversation reference kept with the conversation. */
  outbound(): ChannelOutbound {
    return {
      typing: (to, typing) => {
        if (typing) this.say(to, () => ({ type: 'typing' }));
      },
      // Teams shows the answer whole, when it is stored.
      delta: () => undefined,
      message: (to, message) => {
        // The user's own words are in their Teams chat already.
        if (message.role === 'user') return;
        this.say(to, (address) => this.messageActivity(message, address));
        this.flushCards(to);
      },
      // The notice saying so comes as a message.
      handoff: () => undefined,
      action: (to, action) => {
        this.pendingCards.set(to.conversationId, [...(this.pendingCards.get(to.conversationId) ?? []), action]);
      },
      actionUpdate: (to, action) => {
        this.say(to, (address) => {
          const line = actionStatusLine(action, languageOf(address));
          return line === undefined ? undefined : MessageFactory.text(line);
        });
      },
      failed: (to) => {
        this.say(to, (address) => MessageFactory.text(t(languageOf(address), 'assistant.unfinished')));
        this.flushCards(to);
      },
    };
  }

  private messageActivity(message: MessageView, address: Address): Partial<Activity> {
    const lang = languageOf(address);
    let text = absolutePortalLinks(messageAsText(message, lang), address.portalUrl);
    if (message.role === 'technician' && message.author) text = `**${escapeMarkdown(message.author.name)}**: ${text}`;
    const reply = MessageFactory.text(text);
    reply.textFormat = 'markdown';
    if (message.quickReplies?.length) {
      reply.suggestedActions = { to: [address.userId], actions: message.quickReplies.map((q) => ({ type: 'imBack', title: q.label, value: q.text })) };
    }
    return reply;
  }

  private flushCards(to: ConversationTo): void {
    const cards = this.pendingCards.get(to.conversationId);
    if (!cards) return;
    this.pendingCards.delete(to.conversationId);
    for (const action of cards) this.say(to, (address) => MessageFactory.attachment(CardFactory.adaptiveCard(actionCard(action, languageOf(address)))));
  }

  /** Sends after whatever this conversation is sending already; a failure is logged, and the next message still goes. */
  private say(to: ConversationTo, build: (address: Address) => Partial<Activity> | undefined): void {
    if (to.channel.kind !== 'teams') return;
    const address = AddressSchema.parse(to.channel.address);
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: address.serviceUrl,
      conversation: { id: address.conversationId, conversationType: 'personal', isGroup: false, name: '', ...(address.msTenantId ? { tenantId: address.msTenantId } : {}) },
      bot: { id: address.botId, name: '' },
      user: { id: address.userId, name: '' },
    };
    const previous = this.sending.get(to.conversationId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const activity = build(address);
      if (!activity) return;
      await this.adapter.continueConversationAsync(this.deps.settings.appId, reference, async (context) => {
        await context.sendActivity(activity);
      });
    });
    const tail = next.catch((error: unknown) =>
      this.deps.logger.error({ err: error, conversationId: to.conversationId, channel: 'teams' }, 'channel delivery failed'),
    );
    this.sending.set(to.conversationId, tail);
    void tail.then(() => {
      if (this.sending.get(to.conversationId) === tail) this.sending.delete(to.conversationId);
    });
  }
}

function languageOf(address: Address): Language {
  return isLanguage(address.language) ? address.language : 'en';
}
