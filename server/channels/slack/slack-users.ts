import type pg from 'pg';
import type { webApi } from '@slack/bolt';
import * as z from 'zod';
import { findChannelContact, type ChannelContactCtx } from '../../../domain/contacts/channel-contact.js';
import { isLanguage, type Language } from '../../../i18n/languages.js';

/** How long a Slack user's profile stands for them: a changed email or a new contact takes at most this long. */
export const SLACK_USER_TTL_MS = 5 * 60 * 1000;
const REMEMBERED_USERS = 5_000;

const UserInfoSchema = z.object({
  user: z.object({
    is_bot: z.boolean().optional(),
    deleted: z.boolean().optional(),
    locale: z.string().optional(),
    profile: z.object({ email: z.string().optional() }).optional(),
  }),
});

/** Who a Slack user is to Portico: a contact, or a stranger with the language Slack says they read. */
export type SlackUser = { contact: ChannelContactCtx; language: Language } | { contact: undefined; language: Language };

/**
 * Maps a Slack user to a contact by their profile email (`users.info`, which needs the `users:read.email` scope),
 * remembered briefly so a conversation does not ask Slack at every message.
 */
export class SlackUsers {
  private readonly known = new Map<string, { user: SlackUser; until: number }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly client: webApi.WebClient,
    private readonly token: string,
    private readonly tenantId: string,
  ) {}

  async lookup(userId: string): Promise<SlackUser> {
    const remembered = this.known.get(userId);
    if (remembered && remembered.until > Date.now()) return remembered.user;
    const info = UserInfoSchema.parse(await this.client.users.info({ token: this.token, user: userId, include_locale: true }));
    const language = languageOf(info.user.locale);
    const email = info.user.profile?.email;
    const contact = email && !info.user.is_bot && !info.user.deleted ? await findChannelContact(this.pool, this.tenantId, email) : undefined;
    const user: SlackUser = contact ? { contact, language: contact.actor.language } : { contact: undefined, language };
    if (this.known.size >= REMEMBERED_USERS) this.known.delete(this.known.keys().next().value!);
    this.known.set(userId, { user, until: Date.now() + SLACK_USER_TTL_MS });
    return user;
  }
}

/** Slack's locale (`fr-FR`) as one of the portal's languages, English otherwise. */
function languageOf(locale: string | undefined): Language {
  const language = locale?.slice(0, 2).toLowerCase();
  return isLanguage(language) ? language : 'en';
}
