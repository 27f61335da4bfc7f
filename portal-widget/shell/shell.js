// The portal shell: sign in, then the chat with the assistant (the main view) and the user's tickets as a second tab.
import { createChat } from './chat.js';
import { browserLanguage, loadMessages, tr } from './i18n.js';

const $ = (selector) => document.querySelector(selector);
const tabs = [$('#tab-chat'), $('#tab-tickets')];
let me;

async function api(path, options = {}) {
  const answer = await fetch(path, {
    ...options,
    headers: { accept: 'application/json', ...(options.body ? { 'content-type': 'application/json' } : {}) },
  });
  const body = answer.status === 204 ? undefined : await answer.json();
  return { ok: answer.ok, status: answer.status, body };
}

const chat = createChat({
  onSignedOut: () => showLogin(),
  onSettingsUpdated: async () => {
    const answer = await api('/api/v1/me');
    if (!answer.ok) return showLogin();
    me = answer.body;
    applySections({ keepTab: true });
  },
});

function showLogin() {
  me = undefined;
  chat.stop();
  $('#tabs').hidden = true;
  $('#chat').hidden = true;
  $('#tickets').hidden = true;
  // Nothing of the user who left stays on the page for the next one.
  $('#tickets-table').hidden = true;
  $('#tickets-table').tBodies[0].replaceChildren();
  $('#tickets-status').textContent = '';
  $('#who').hidden = true;
  $('#sign-out').hidden = true;
  $('#login').hidden = false;
  $('#login [name=username]').focus();
}

/** Shows one tab's panel; the tickets are fetched again each time, since the chat may have opened one. */
function selectTab(tab, { focus = false } = {}) {
  for (const each of tabs) {
    const selected = each === tab;
    each.setAttribute('aria-selected', String(selected));
    each.tabIndex = selected ? 0 : -1;
    document.getElementById(each.getAttribute('aria-controls')).hidden = !selected;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-tickets') void loadTickets();
}

$('#tabs').addEventListener('click', (event) => {
  const tab = event.target.closest('[role=tab]');
  if (tab) selectTab(tab);
});
$('#tabs').addEventListener('keydown', (event) => {
  const index = tabs.indexOf(document.activeElement);
  if (index === -1) return;
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  selectTab(tabs[(next + tabs.length) % tabs.length], { focus: true });
});

/** The chat is the main view when the assistant is on for this user; without it the tickets are the only view. */
function applySections({ keepTab = false } = {}) {
  const tickets = $('#tickets');
  if (me.sections.assistant) {
    $('#tabs').hidden = false;
    tickets.setAttribute('role', 'tabpanel');
    const current = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    selectTab(keepTab && current ? current : tabs[0]);
  } else {
    $('#tabs').hidden = true;
    $('#chat').hidden = true;
    tickets.removeAttribute('role');
    tickets.hidden = false;
    void loadTickets();
  }
}

async function showPortal(answer) {
  me = answer;
  await loadMessages(me.user.language);
  $('#login').hidden = true;
  $('#who').textContent = me.user.name;
  $('#who').hidden = false;
  $('#sign-out').hidden = false;
  // The socket also tells a user without the assistant when an admin switches it on.
  chat.start();
  applySections();
  // The sign-in form is gone: the keyboard goes to what the user came for.
  if (me.sections.assistant) chat.focus();
}

async function loadTickets() {
  if (!me) return;
  const primary = me.user.roles.includes('primary_contact') || me.user.kind === 'technician';
  $('#tickets-title').textContent = tr(primary ? 'shell.companyTickets' : 'shell.myTickets');
  const status = $('#tickets-status');
  const table = $('#tickets-table');
  if (!me.sections.ticketing) {
    table.hidden = true;
    status.textContent = tr('shell.ticketingOff');
    return;
  }
  if (table.hidden) status.textContent = tr('shell.loading');
  const answer = await api('/api/v1/tickets');
  if (!answer.ok) {
    table.hidden = true;
    status.textContent = answer.body.error.message;
    return;
  }
  const rows = answer.body.tickets.map((ticket) => {
    const row = document.createElement('tr');
    const cells = [
      `#${ticket.number}`,
      ticket.subject ?? '',
      ticket.status ? tr(`status.${ticket.status}`) : '',
      new Date(ticket.updatedAt).toLocaleDateString(me.user.language),
    ];
    for (const [i, text] of cells.entries()) {
      const cell = document.createElement('td');
      if (i === 2 && ticket.status) {
        const badge = document.createElement('span');
        badge.className = `status status-${ticket.status}`;
        badge.textContent = text;
        cell.append(badge);
      } else cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = rows.length === 0;
  status.textContent = rows.length === 0 ? tr('shell.noTickets') : '';
}

$('#login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const answer = await api('/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
  });
  if (!answer.ok) {
    $('#login-error').textContent = answer.body.error.message;
    return;
  }
  $('#login-error').textContent = '';
  event.target.reset();
  const current = await api('/api/v1/me');
  await showPortal(current.body);
});

$('#sign-out').addEventListener('click', async () => {
  await api('/api/v1/auth/logout', { method: 'POST' });
  showLogin();
});

await loadMessages(browserLanguage());
const current = await api('/api/v1/me');
if (current.ok) await showPortal(current.body);
else showLogin();
