// The chat page's calls to the shop: what a person does goes to /chat/api, what happens comes back as server-sent events.

const BASE = '/chat/api';
// Every action carries this header: another site's page cannot send it without a preflight the shop never grants.
const ACTION_HEADERS = { 'x-tillbot-chat': '1' };

async function send(method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { ...ACTION_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answerOf(response);
}

async function answerOf(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error?.message ?? `the shop answered ${response.status}`);
  return body;
}

export const sendText = (personId, text) => send('POST', `/people/${personId}/messages`, { text });

export const pressButton = (personId, messageId, data) => send('POST', `/people/${personId}/presses`, { messageId, data });

export const payInvoice = (personId, messageId) => send('POST', `/people/${personId}/invoices/${messageId}/pay`, {});

export const addPerson = (name, language) => send('POST', '/people', { name, language });

export const setLanguage = (personId, language) => send('PATCH', `/people/${personId}`, { language });

export async function sendDocument(personId, file, caption, asPhoto = false) {
  const form = new FormData();
  // The caption goes first: the server reads the fields that come before the file.
  if (caption) form.append('caption', caption);
  if (asPhoto) form.append('as', 'photo');
  form.append('file', file, file.name);
  const response = await fetch(`${BASE}/people/${personId}/documents`, { method: 'POST', headers: ACTION_HEADERS, body: form });
  return answerOf(response);
}

/**
 * Follows the chats live. Every (re)connection starts with a full snapshot, so a dropped connection loses nothing;
 * `handlers` maps event names (snapshot, message, edited, deleted, answer, action, keyboard, commands, people) to functions.
 */
export function follow(handlers, onConnection) {
  const source = new EventSource(`${BASE}/events`);
  for (const [name, handle] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => handle(JSON.parse(event.data)));
  }
  source.addEventListener('open', () => onConnection(true));
  source.addEventListener('error', () => onConnection(false));
  return source;
}
