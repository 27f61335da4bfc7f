import type { ConversationView } from '../../../domain/conversations/conversation-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

/** Any conversation of the tenant, with its transcript: a technician reads it before joining. */
export const getConversation = (id: string) => request<ConversationView>(`/api/v1/conversations/${encodeURIComponent(id)}`);
