import { segments } from '../app/router.js';
import { TicketDetail } from './tickets/TicketDetail.js';
import { TicketQueue } from './tickets/TicketQueue.js';

/** /console/tickets is the queue, /console/tickets/<number> one ticket. */
export function TicketsView() {
  const reference = segments.value[1];
  return reference ? <TicketDetail reference={reference} /> : <TicketQueue />;
}
