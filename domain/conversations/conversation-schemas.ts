import * as z from 'zod';
import { LANGUAGES } from '../../i18n/languages.js';
import { ActionViewSchema } from '../actions/action-schemas.js';
import { CHANNEL_KINDS } from './conversation-channel.js';

export const ChatSendSchema = z.strictObject({
  conversationId: z.uuid().optional(),
  text: z.string().trim().min(1).max(4000),
  /** Chosen by the client and kept as the message's id, so a message sent again after a lost connection is stored once. */
  clientMessageId: z.uuid().optional(),
});
export type ChatSend = z.infer<typeof ChatSendSchema>;

export const ReplyFeedbackSchema = z.strictObject({ conversationId: z.uuid(), messageId: z.uuid(), solved: z.boolean() });
export type ReplyFeedback = z.infer<typeof ReplyFeedbackSchema>;

export const ToolCallSchema = z.object({ name: z.string(), args: z.record(z.string(), z.unknown()) });
export const CitationSchema = z.object({
  articleId: z.string(),
  slug: z.string(),
  title: z.string(),
  lang: z.enum(LANGUAGES).optional().meta({ description: "The article's language, so that one in another language than the user's can say so." }),
});

export const QuickReplySchema = z
  .object({
    label: z.string().meta({ description: 'What the button shows.' }),
    text: z.string().meta({ description: "What pressing it sends as the user's message." }),
  })
  .meta({ id: 'QuickReply' });
export type QuickReply = z.infer<typeof QuickReplySchema>;

export const TechnicianRefSchema = z.object({ name: z.string() });

export const ChannelKindSchema = z.enum(CHANNEL_KINDS).meta({ description: 'Where the conversation lives, and where its replies go: the widget, Slack, Teams or email.' });

export const MessageViewSchema = z
  .object({
    id: z.string(),
    role: z.enum(['user', 'assistant', 'technician', 'system']),
    text: z.string(),
    toolCalls: z.array(ToolCallSchema),
    citations: z.array(CitationSchema),
    limitedMode: z.boolean().optional(),
    quickReplies: z
      .array(QuickReplySchema)
      .optional()
      .meta({ description: 'When the assistant asks a question (which device, yes or no): the answers offered as buttons.' }),
    author: z.object({ name: z.string() }).optional().meta({ description: "A technician's message: who wrote it." }),
    createdAt: z.string(),
  })
  .meta({ id: 'ChatMessage' });
export type MessageView = z.infer<typeof MessageViewSchema>;

export const ConversationViewSchema = z
  .object({
    id: z.string(),
    ticket: z.object({ id: z.string(), number: z.number().int() }).nullable(),
    messages: z.array(MessageViewSchema),
    actions: z.array(ActionViewSchema),
    /** The user's answers to "Did this solve it?", by reply. */
    feedback: z.array(z.object({ messageId: z.string(), solved: z.boolean() })),
    technician: TechnicianRefSchema.nullable().meta({ description: 'The technician who took the chat over, while one is in.' }),
    channel: ChannelKindSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Conversation' });
export type ConversationView = z.infer<typeof ConversationViewSchema>;

export const ConversationSummarySchema = z
  .object({
    id: z.string(),
    ticket: z.object({ id: z.string(), number: z.number().int() }).nullable(),
    preview: z.string(),
    channel: ChannelKindSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ConversationSummary' });
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;
