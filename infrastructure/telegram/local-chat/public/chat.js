// The local chat page: a small Telegram client for the people of the embedded shop, talking to its bot through the
// shop's local Bot API. State comes from the server-sent events (a snapshot, then changes); nothing polls.
import * as api from './api.js';
import { messageRow, previewOf } from './message-render.js';

const AVATAR_COLOURS = ['#e17076', '#7bc862', '#65aadd', '#a695e7', '#ee7aae', '#6ec9cb', '#faa774'];
const ROLE_NAMES = { shopper: 'shopper', admin: 'admin', seller: 'seller', guest: 'guest' };
const TOAST_MS = 3000;
/** Telegram shows "typing…" for about five seconds per chat action. */
const TYPING_MS = 5000;
/** A pressed button stops waiting for the bot's answer after this long (Telegram gives up about then, too). */
const PRESS_TIMEOUT_MS = 15000;

const $ = (selector) => document.querySelector(selector);
const ui = {
  people: $('#people'),
  connection: $('#connection'),
  botName: $('#bot-name'),
  botStatus: $('#bot-status'),
  avatar: $('#bot-avatar'),
  speaker: $('#speaker'),
  language: $('#language'),
  messages: $('#messages'),
  empty: $('#empty-chat'),
  startButton: $('#start-button'),
  composer: $('#composer'),
  input: $('#input'),
  send: $('#send'),
  attach: $('#attach'),
  fileInput: $('#file-input'),
  upload: $('#upload'),
  uploadName: $('#upload-name'),
  uploadCaption: $('#upload-caption'),
  uploadSend: $('#upload-send'),
  uploadCancel: $('#upload-cancel'),
  menuButton: $('#menu-button'),
  menu: $('#commands-menu'),
  replyKeyboard: $('#reply-keyboard'),
  toast: $('#toast'),
  alert: $('#alert'),
  alertText: $('#alert-text'),
  addPerson: $('#add-person'),
  addDialog: $('#add-dialog'),
  addForm: $('#add-form'),
  addName: $('#add-name'),
  addLanguage: $('#add-language'),
  addCancel: $('#add-cancel'),
};

const state = {
  bot: { name: 'bot', username: '' },
  people: [],
  /** personId → { messages: Map<id, view>, replyKeyboard, commands, unread } */
  chats: new Map(),
  activeId: null,
  /** queryId → the pressed button, until the bot answers. */
  pending: new Map(),
  typingTimers: new Map(),
  pendingFile: null,
  startedFromLink: false,
};

const activePerson = () => state.people.find((p) => p.id === state.activeId);

function chatOf(personId) {
  let chat = state.chats.get(personId);
  if (!chat) {
    chat = { messages: new Map(), replyKeyboard: null, commands: [], unread: 0, typing: false };
    state.chats.set(personId, chat);
  }
  return chat;
}

const newest = (chat) => [...chat.messages.values()].sort((a, b) => a.id - b.id).at(-1);

// ---- people --------------------------------------------------------------------------------------------------

function avatar(name, id) {
  const circle = document.createElement('span');
  circle.className = 'avatar';
  circle.textContent = (name.trim()[0] ?? '?').toUpperCase();
  circle.style.background = AVATAR_COLOURS[id % AVATAR_COLOURS.length];
  circle.setAttribute('aria-hidden', 'true');
  return circle;
}

function renderPeople() {
  ui.people.replaceChildren(
    ...state.people.map((person) => {
      const chat = chatOf(person.id);
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'person';
      button.setAttribute('aria-label', person.name);
      if (person.id === state.activeId) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => selectPerson(person.id));
      const text = document.createElement('span');
      text.className = 'person-text';
      const top = document.createElement('span');
      top.className = 'person-top';
      const name = document.createElement('span');
      name.className = 'person-name';
      name.textContent = person.name;
      const role = document.createElement('span');
      role.className = `role role-${person.role}`;
      role.textContent = `${ROLE_NAMES[person.role]} · ${person.language}`;
      top.append(name, role);
      const preview = document.createElement('span');
      preview.className = 'person-preview';
      preview.textContent = chat.typing ? 'typing…' : previewOf(newest(chat));
      text.append(top, preview);
      button.append(avatar(person.name, person.id), text);
      if (chat.unread > 0) {
        const badge = document.createElement('span');
        badge.className = 'unread';
        badge.textContent = String(chat.unread);
        badge.setAttribute('aria-label', `${chat.unread} unread`);
        button.append(badge);
      }
      item.append(button);
      return item;
    }),
  );
}

function selectPerson(personId) {
  state.activeId = personId;
  chatOf(personId).unread = 0;
  closeMenu();
  renderPeople();
  renderHeader();
  renderMessages();
  renderComposerExtras();
  ui.input.focus();
}

// ---- header --------------------------------------------------------------------------------------------------

function renderHeader() {
  const person = activePerson();
  ui.botName.textContent = state.bot.name;
  ui.avatar.textContent = (state.bot.name.trim()[0] ?? 'B').toUpperCase();
  ui.botStatus.textContent = person && chatOf(person.id).typing ? 'typing…' : `@${state.bot.username} · bot`;
  ui.speaker.textContent = person ? person.name : '';
  ui.language.value = person?.language ?? 'en';
  document.title = person ? `${person.name} · ${state.bot.name} — local chat` : 'tillbot — local chat';
}

// ---- messages ------------------------------------------------------------------------------------------------

const actions = {
  press: (messageId, data, button) => pressButton(messageId, data, button),
  payInvoice: (messageId, button) => payInvoice(messageId, button),
  sendText: (text) => sendText(text),
  /** Links to this bot's deep links (t.me/<bot>?start=…) start the bot here instead of opening Telegram. */
  openLink: (href) => {
    const payload = deepLinkPayload(href);
    if (payload === null) return false;
    void sendText(payload ? `/start ${payload}` : '/start');
    return true;
  },
};

function deepLinkPayload(text) {
  const match = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([A-Za-z0-9_]{3,32})(?:\?start=([A-Za-z0-9_-]{0,64}))?$/i.exec(text.trim());
  if (!match || match[1].toLowerCase() !== state.bot.username.toLowerCase()) return null;
  return match[2] ?? '';
}

const nearBottom = () => ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight < 80;
const scrollToBottom = () => {
  ui.messages.scrollTop = ui.messages.scrollHeight;
};

function renderMessages() {
  const person = activePerson();
  const views = person ? [...chatOf(person.id).messages.values()].sort((a, b) => a.id - b.id) : [];
  ui.messages.replaceChildren(...views.map((view) => messageRow(view, actions)));
  ui.empty.hidden = views.length > 0;
  scrollToBottom();
}

/** Puts one message in place: new ones in order, edited ones replaced where they are (the newer version wins). */
function upsertMessage(personId, view) {
  const chat = chatOf(personId);
  const known = chat.messages.get(view.id);
  if (known && known.version > view.version) return;
  chat.messages.set(view.id, view);
  if (personId !== state.activeId) {
    if (!known && view.from === 'bot') chat.unread += 1;
    return;
  }
  const stick = nearBottom() || view.from === 'person';
  const row = messageRow(view, actions);
  const existing = ui.messages.querySelector(`.message[data-id="${view.id}"]`);
  if (existing) existing.replaceWith(row);
  else {
    const later = [...ui.messages.children].find((el) => Number(el.dataset.id) > view.id);
    ui.messages.insertBefore(row, later ?? null);
  }
  ui.empty.hidden = true;
  if (stick) scrollToBottom();
}

function removeMessage(personId, messageId) {
  chatOf(personId).messages.delete(messageId);
  if (personId === state.activeId) ui.messages.querySelector(`.message[data-id="${messageId}"]`)?.remove();
}

// ---- acting as the person ------------------------------------------------------------------------------------

function showToast(text) {
  ui.toast.textContent = text;
  ui.toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => {
    ui.toast.hidden = true;
  }, TOAST_MS);
}

function showAlert(text) {
  ui.alertText.textContent = text;
  if (!ui.alert.open) ui.alert.showModal();
}

const failed = (error) => showToast(error instanceof Error ? error.message : String(error));

async function sendText(text) {
  const person = activePerson();
  const trimmed = text.trim();
  if (!person || trimmed === '') return;
  const payload = deepLinkPayload(trimmed);
  try {
    await api.sendText(person.id, payload === null ? trimmed : payload ? `/start ${payload}` : '/start');
  } catch (error) {
    failed(error);
  }
}

function settlePress(queryId) {
  const button = state.pending.get(queryId);
  if (!button) return;
  state.pending.delete(queryId);
  button.removeAttribute('aria-busy');
}

/** Pay on a Stars invoice: Telegram's side asks the bot (pre-checkout), then takes the stars or says why not. */
async function payInvoice(messageId, button) {
  const person = activePerson();
  if (!person) return;
  button.setAttribute('aria-busy', 'true');
  try {
    const outcome = await api.payInvoice(person.id, messageId);
    if (outcome.status === 'refused') showAlert(outcome.errorMessage);
    else if (outcome.status === 'timeout') showAlert('The bot did not confirm the payment in time: no stars were taken.');
  } catch (error) {
    failed(error);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

async function pressButton(messageId, data, button) {
  const person = activePerson();
  if (!person) return;
  button.setAttribute('aria-busy', 'true');
  try {
    const { queryId } = await api.pressButton(person.id, messageId, data);
    // The answer may already have come over the event stream.
    if (button.getAttribute('aria-busy') !== 'true') return;
    state.pending.set(queryId, button);
    setTimeout(() => settlePress(queryId), PRESS_TIMEOUT_MS);
  } catch (error) {
    button.removeAttribute('aria-busy');
    failed(error);
  }
}

function onAnswer({ personId, queryId, text, showAlert: alert, url }) {
  const button = state.pending.get(queryId);
  settlePress(queryId);
  if (!button) {
    // Answered before the press's own reply arrived: clear whichever button of that chat still waits.
    for (const waiting of ui.messages.querySelectorAll('[aria-busy="true"]')) waiting.removeAttribute('aria-busy');
  }
  if (personId !== state.activeId) return;
  if (text) {
    if (alert) showAlert(text);
    else showToast(text);
  }
  if (url && /^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener');
}

// ---- composer: text, files, commands menu, reply keyboard ----------------------------------------------------

function renderComposerExtras() {
  const person = activePerson();
  const chat = person ? chatOf(person.id) : null;
  ui.menuButton.hidden = !chat || chat.commands.length === 0;
  renderMenu(chat?.commands ?? []);
  const keyboard = chat?.replyKeyboard;
  ui.replyKeyboard.hidden = !keyboard;
  ui.replyKeyboard.replaceChildren(
    ...(keyboard?.rows ?? []).map((row) => {
      const line = document.createElement('div');
      line.className = 'reply-row';
      for (const text of row) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'reply-button';
        button.textContent = text;
        button.addEventListener('click', () => {
          if (keyboard.oneTime) ui.replyKeyboard.hidden = true;
          void sendText(text);
        });
        line.append(button);
      }
      return line;
    }),
  );
}

function renderMenu(commands) {
  ui.menu.replaceChildren(
    ...commands.map(({ command, description }) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'menu-item';
      item.setAttribute('role', 'menuitem');
      item.setAttribute('aria-label', `/${command} ${description}`);
      const name = document.createElement('span');
      name.className = 'menu-command';
      name.textContent = `/${command}`;
      const text = document.createElement('span');
      text.className = 'menu-description';
      text.textContent = description;
      item.append(name, text);
      item.addEventListener('click', () => {
        closeMenu();
        void sendText(`/${command}`);
      });
      return item;
    }),
  );
}

function closeMenu() {
  ui.menu.hidden = true;
  ui.menuButton.setAttribute('aria-expanded', 'false');
}

ui.menuButton.addEventListener('click', () => {
  const opening = ui.menu.hidden;
  ui.menu.hidden = !opening;
  ui.menuButton.setAttribute('aria-expanded', String(opening));
  if (opening) ui.menu.querySelector('button')?.focus();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeMenu();
});
document.addEventListener('click', (event) => {
  if (!ui.menu.hidden && !ui.menu.contains(event.target) && event.target !== ui.menuButton && !ui.menuButton.contains(event.target)) closeMenu();
});

ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.input.value;
  ui.input.value = '';
  autosize();
  void sendText(text);
});
ui.input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});
function autosize() {
  ui.input.style.height = 'auto';
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 160)}px`;
}
ui.input.addEventListener('input', autosize);
ui.startButton.addEventListener('click', () => void sendText('/start'));

ui.attach.addEventListener('click', () => ui.fileInput.click());
ui.fileInput.addEventListener('change', () => {
  const [file] = ui.fileInput.files;
  if (!file) return;
  state.pendingFile = file;
  ui.uploadName.textContent = `${file.name} · ${file.size} B`;
  ui.uploadCaption.value = ui.input.value.trim();
  ui.upload.hidden = false;
  ui.uploadCaption.focus();
});
function closeUpload() {
  state.pendingFile = null;
  ui.fileInput.value = '';
  ui.upload.hidden = true;
}
ui.uploadCancel.addEventListener('click', closeUpload);
ui.upload.addEventListener('submit', async (event) => {
  event.preventDefault();
  const person = activePerson();
  const file = state.pendingFile;
  if (!person || !file) return;
  ui.uploadSend.disabled = true;
  try {
    // A picture goes as a photo, as a Telegram client sends it; any other file as a document.
    await api.sendDocument(person.id, file, ui.uploadCaption.value.trim(), /^image\/(png|jpeg|gif|webp)$/.test(file.type));
    if (ui.input.value.trim() === ui.uploadCaption.value.trim()) ui.input.value = '';
    closeUpload();
  } catch (error) {
    failed(error);
  } finally {
    ui.uploadSend.disabled = false;
  }
});

ui.language.addEventListener('change', async () => {
  const person = activePerson();
  if (!person) return;
  try {
    await api.setLanguage(person.id, ui.language.value);
  } catch (error) {
    failed(error);
  }
});

ui.addPerson.addEventListener('click', () => {
  ui.addName.value = '';
  ui.addDialog.showModal();
});
ui.addCancel.addEventListener('click', () => ui.addDialog.close());
ui.addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const person = await api.addPerson(ui.addName.value.trim(), ui.addLanguage.value);
    ui.addDialog.close();
    state.people = state.people.some((p) => p.id === person.id) ? state.people : [...state.people, person];
    selectPerson(person.id);
  } catch (error) {
    failed(error);
  }
});

// ---- live state ----------------------------------------------------------------------------------------------

function setTyping(personId, typing) {
  const chat = chatOf(personId);
  clearTimeout(state.typingTimers.get(personId));
  chat.typing = typing;
  if (typing)
    state.typingTimers.set(
      personId,
      setTimeout(() => setTyping(personId, false), TYPING_MS),
    );
  renderPeople();
  if (personId === state.activeId) renderHeader();
}

function applyCommands(commands) {
  for (const [personId, list] of Object.entries(commands)) chatOf(Number(personId)).commands = list;
  renderComposerExtras();
}

/** `?as=<name or id>&start=<payload>`: a deep link into the chat, like t.me/<bot>?start=<payload>. */
function startFromLink() {
  if (state.startedFromLink) return;
  state.startedFromLink = true;
  const params = new URLSearchParams(location.search);
  const as = params.get('as');
  if (as) {
    const person = state.people.find((p) => String(p.id) === as || p.name.toLowerCase() === as.toLowerCase());
    if (person) selectPerson(person.id);
  }
  if (params.has('start')) {
    const payload = params.get('start') ?? '';
    void sendText(payload ? `/start ${payload}` : '/start');
  }
  if (as || params.has('start')) history.replaceState(null, '', location.pathname);
}

api.follow(
  {
    snapshot(snapshot) {
      state.bot = snapshot.bot;
      state.people = snapshot.people;
      state.chats = new Map();
      for (const person of snapshot.people) {
        const chat = chatOf(person.id);
        const view = snapshot.chats[person.id];
        for (const message of view.messages) chat.messages.set(message.id, message);
        chat.replyKeyboard = view.replyKeyboard;
        chat.commands = view.commands;
      }
      if (!state.people.some((p) => p.id === state.activeId)) state.activeId = state.people[0]?.id ?? null;
      selectPerson(state.activeId);
      startFromLink();
    },
    message({ personId, message }) {
      if (message.from === 'bot') setTyping(personId, false);
      upsertMessage(personId, message);
      renderPeople();
    },
    edited({ personId, message }) {
      upsertMessage(personId, message);
      renderPeople();
    },
    deleted({ personId, messageId }) {
      removeMessage(personId, messageId);
      renderPeople();
    },
    answer: onAnswer,
    action({ personId, action }) {
      setTyping(personId, action === 'typing');
    },
    keyboard({ personId, keyboard }) {
      chatOf(personId).replyKeyboard = keyboard;
      if (personId === state.activeId) renderComposerExtras();
    },
    commands({ commands }) {
      applyCommands(commands);
    },
    stars({ personId, event }) {
      // The bubbles were redrawn by their own `edited` events; a refund is worth a word when it lands.
      if (personId === state.activeId && event === 'refunded') showToast('⭐ Stars refunded');
    },
    people({ people, commands }) {
      state.people = people;
      applyCommands(commands);
      renderPeople();
      renderHeader();
    },
  },
  (connected) => {
    ui.connection.hidden = connected;
  },
);
