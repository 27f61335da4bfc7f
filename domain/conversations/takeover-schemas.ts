import * as z from 'zod';
import { ChannelKindSchema, MessageViewSchema, TechnicianRefSchema } from './conversation-schemas.js';

/** What the console's socket events carry: a conversation, and a technician's message in it. */
export const ConversationRefSchema = z.strictObject({ conversationId: z.uuid() });
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

export const TechnicianSendSchema = z.strictObject({ conversationId: z.uuid(), text: z.string().trim().min(1).max(4000) });
export type TechnicianSend = z.infer<typeof TechnicianSendSchema>;

/** One line of the console's list of active conversations. */
export const ActiveConversationSchema = z
  .object({
    id: z.string(),
    user: z.object({ id: z.string(), name: z.string(), company: z.string() }),
    lastMessage: z.object({ role: MessageViewSchema.shape.role, excerpt: z.string(), createdAt: z.string() }).nullable(),
    technician: z.object({ id: z.string(), name: z.string() }).nullable(),
    ticket: z.object({ id: z.string(), number: z.number().int() }).nullable(),
    channel: ChannelKindSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ActiveConversation' });
export type ActiveConversation = z.infer<typeof ActiveConversationSchema>;

/** `chat:handoff` on the user's portal socket: a technician joined (`technician`) or left (`null`). */
export const ChatHandoffEventSchema = z.object({ conversationId: z.string(), technician: TechnicianRefSchema.nullable() });
export type ChatHandoffEvent = z.infer<typeof ChatHandoffEventSchema>;

/** `chat:typing` from the other side: the assistant (`typing` only), the technician (`technician`) or, on the console, the user (`user`). */
export const ChatTypingEventSchema = z.object({
  conversationId: z.string(),
  typing: z.boolean(),
  technician: TechnicianRefSchema.optional(),
  user: z.object({ name: z.string() }).optional(),
});
export type ChatTypingEvent = z.infer<typeof ChatTypingEventSchema>;
