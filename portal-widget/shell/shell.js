// The portal shell: sign in, then the user's tickets. The chat widget replaces it as the main view.
const $ = (selector) => document.querySelector(selector);
let messages = {};

const tr = (key) => messages[key] ?? key;

async function loadMessages(lang) {
  const answer = await fetch(`/api/v1/i18n/${lang}`);
  if (answer.ok) messages = (await answer.json()).messages;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = tr(el.dataset.i18n);
}

function browserLanguage() {
  const lang = (navigator.language || 'en').slice(0, 2);
  return ['en', 'fr', 'de', 'es', 'it'].includes(lang) ? lang : 'en';
}

async function api(path, options = {}) {
  const answer = await fetch(path, {
    ...options,
    headers: { accept: 'application/json', ...(options.body ? { 'content-type': 'application/json' } : {}) },
  });
  const body = answer.status === 204 ? undefined : await answer.json();
  return { ok: answer.ok, status: answer.status, body };
}

function showLogin() {
  $('#tickets').hidden = true;
  $('#who').hidden = true;
  $('#sign-out').hidden = true;
  $('#login').hidden = false;
  $('#login [name=username]').focus();
}

async function showTickets(me) {
  await loadMessages(me.user.language);
  $('#login').hidden = true;
  $('#who').textContent = me.user.name;
  $('#who').hidden = false;
  $('#sign-out').hidden = false;
  $('#tickets').hidden = false;
  const primary = me.user.roles.includes('primary_contact') || me.user.kind === 'technician';
  $('#tickets-title').textContent = tr(primary ? 'shell.companyTickets' : 'shell.myTickets');
  const status = $('#tickets-status');
  const table = $('#tickets-table');
  table.hidden = true;
  if (!me.sections.ticketing) {
    status.textContent = tr('shell.ticketingOff');
    return;
  }
  status.textContent = tr('shell.loading');
  const answer = await api('/api/v1/tickets');
  if (!answer.ok) {
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
  const me = await api('/api/v1/me');
  await showTickets(me.body);
});

$('#sign-out').addEventListener('click', async () => {
  await api('/api/v1/auth/logout', { method: 'POST' });
  showLogin();
});

await loadMessages(browserLanguage());
const me = await api('/api/v1/me');
if (me.ok) await showTickets(me.body);
else showLogin();
