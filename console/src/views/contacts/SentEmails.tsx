import { useEffect, useState } from 'preact/hooks';
import type { OutboxEmail } from '../../../../domain/email/list-email-outbox.js';
import { listSentEmails } from '../../api/people.js';
import { loaded, LoadStatus, type Loadable } from '../../components/LoadStatus.js';
import { dateTime, timeAgo, tr } from '../../i18n/i18n.js';

type List = Loadable<{ emails: OutboxEmail[] }>;

function Delivery({ email }: { email: OutboxEmail }) {
  return (
    <>
      <span class={`status email-${email.status}`}>{tr(`console.contacts.emails.status.${email.status}`)}</span>
      {email.status === 'sent' && email.sentAt && (
        <span class="sub">
          <time dateTime={email.sentAt} title={dateTime(email.sentAt)}>
            {timeAgo(email.sentAt)}
          </time>
        </span>
      )}
      {email.attempts > 1 || email.status === 'failed' ? <span class="sub">{tr('console.contacts.emails.attempts', { count: email.attempts })}</span> : null}
      {email.status === 'pending' && email.nextAttemptAt && email.attempts > 0 && (
        <span class="sub">{tr('console.contacts.emails.nextAttempt', { when: timeAgo(email.nextAttemptAt) })}</span>
      )}
      {email.lastError && email.status !== 'sent' && <span class="sub email-error">{email.lastError}</span>}
    </>
  );
}

/** The emails the portal sent or holds, for admins: a welcome email that did not arrive is found here. */
export function SentEmails() {
  const [list, setList] = useState<List>({ state: 'loading' });
  useEffect(() => {
    void listSentEmails().then((answer) => setList(loaded(answer, (body) => body)));
  }, []);

  return (
    <>
      <p class="muted intro">{tr('console.contacts.emails.intro')}</p>
      <LoadStatus load={list} />
      {list.state === 'ready' && list.emails.length === 0 && <p class="empty">{tr('console.contacts.emails.empty')}</p>}
      {list.state === 'ready' && list.emails.length > 0 && (
        <table class="list emails">
          <caption class="visually-hidden">{tr('console.contacts.emails.count', { count: list.emails.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('console.contacts.emails.created')}</th>
              <th scope="col">{tr('console.contacts.emails.to')}</th>
              <th scope="col">{tr('console.contacts.emails.subject')}</th>
              <th scope="col">{tr('console.contacts.emails.delivery')}</th>
            </tr>
          </thead>
          <tbody>
            {list.emails.map((email) => (
              <tr key={email.id}>
                <td>
                  <time dateTime={email.createdAt} title={dateTime(email.createdAt)}>
                    {timeAgo(email.createdAt)}
                  </time>
                </td>
                <td class="break">{email.to}</td>
                <td>
                  {email.subject}
                  {email.text !== null && (
                    <details class="email-text">
                      <summary>{tr('console.contacts.emails.read')}</summary>
                      <pre>{email.text}</pre>
                    </details>
                  )}
                </td>
                <td>
                  <Delivery email={email} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
