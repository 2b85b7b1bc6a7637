// Draws one message the way a Telegram client does: a bubble with text (entities, links and /commands), photo or
// file, time and "edited", and the inline keyboard under it. Pure DOM building; what a click does is the caller's.

const STYLE_TAGS = { bold: 'strong', italic: 'em', underline: 'u', strikethrough: 's', code: 'code', pre: 'pre' };
// What a client links in plain text by itself: web addresses and /commands.
const AUTO_LINKS = /(https?:\/\/[^\s]+)|((?<=^|\s)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=$|[\s.,!?]))/g;

export const timeOf = (unixSeconds) => new Date(unixSeconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href, text, actions) {
  const a = element('a', 'link', text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.addEventListener('click', (event) => {
    if (actions.openLink(href)) event.preventDefault();
  });
  return a;
}

function commandLink(command, actions) {
  const a = element('a', 'command', command);
  a.href = '#';
  a.addEventListener('click', (event) => {
    event.preventDefault();
    actions.sendText(command);
  });
  return a;
}

/** Plain text with web addresses and /commands made clickable. */
function plainText(text, actions) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(AUTO_LINKS)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(match[1] ? link(match[1], match[1], actions) : commandLink(match[2], actions));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** Text with its entities (UTF-16 offsets, as the Bot API counts them), cut into pieces that share the same styles. */
export function richText(text, entities = [], actions) {
  const cuts = new Set([0, text.length]);
  for (const e of entities) {
    cuts.add(e.offset);
    cuts.add(Math.min(text.length, e.offset + e.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const container = element('div', 'text');
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const active = entities.filter((e) => e.offset <= from && e.offset + e.length >= to);
    const linkEntity = active.find((e) => e.type === 'text_link' || e.type === 'url' || e.type === 'bot_command' || e.type === 'email');
    let nodes;
    if (!linkEntity) nodes = plainText(piece, actions);
    else if (linkEntity.type === 'bot_command') nodes = [commandLink(piece, actions)];
    else if (linkEntity.type === 'email') nodes = [link(`mailto:${piece}`, piece, actions)];
    else nodes = [link(linkEntity.url ?? piece, piece, actions)];
    for (const e of active) {
      const tag = STYLE_TAGS[e.type] ?? (e.type === 'spoiler' ? 'span' : null);
      if (!tag) continue;
      const wrapper = element(tag, e.type === 'spoiler' ? 'spoiler' : '');
      wrapper.append(...nodes);
      nodes = [wrapper];
    }
    container.append(...nodes);
  }
  return container;
}

function photoOf(view, actions) {
  const figure = element('figure', 'photo');
  const image = element('img');
  image.src = view.photo.url;
  image.alt = view.photo.qrLink ? 'QR code' : 'Photo';
  image.width = Math.min(view.photo.width, 320);
  image.height = Math.round((image.width * view.photo.height) / Math.max(1, view.photo.width));
  figure.append(image);
  if (view.photo.qrLink) {
    // What a phone would offer after scanning the code (the payment QR opens the sandbox pay page).
    const opener = link(view.photo.qrLink, '📱 Open the QR code link', actions);
    opener.className = 'qr-link';
    opener.title = view.photo.qrLink;
    figure.append(opener);
  }
  return figure;
}

function documentOf(view) {
  const file = element('a', 'document');
  file.href = view.document.url;
  file.download = view.document.name;
  file.setAttribute('aria-label', `Download ${view.document.name}`);
  file.append(
    element('span', 'document-icon', '📄'),
    element('span', 'document-name', view.document.name),
    element('span', 'document-size', formatSize(view.document.size)),
  );
  return file;
}

const INVOICE_STATES = { open: '', paid: '✅ Paid', refunded: '↩️ Refunded' };

/** A Stars invoice as a client draws it: title, description, the price in stars, and where its payment stands. */
function invoiceOf(view) {
  const card = element('div', 'invoice');
  card.append(element('strong', 'invoice-title', view.invoice.title), element('div', 'invoice-description', view.invoice.description));
  const price = view.invoice.currency === 'XTR' ? `⭐ ${view.invoice.amount}` : `${view.invoice.amount} ${view.invoice.currency}`;
  card.append(element('div', 'invoice-price', price));
  const state = INVOICE_STATES[view.invoice.state];
  if (state) card.append(element('div', `invoice-state ${view.invoice.state}`, state));
  return card;
}

/** The service line of a Stars payment or refund. */
function paymentNote(view) {
  const stars = view.payment.currency === 'XTR' ? `⭐ ${view.payment.amount}` : `${view.payment.amount} ${view.payment.currency}`;
  return element('div', 'service-note', view.payment.kind === 'paid' ? `You paid ${stars}` : `${stars} refunded to you`);
}

function keyboardOf(view, actions) {
  const keyboard = element('div', 'keyboard');
  keyboard.setAttribute('role', 'group');
  keyboard.setAttribute('aria-label', 'Message buttons');
  for (const row of view.buttons) {
    const line = element('div', 'keyboard-row');
    for (const b of row) {
      if (b.pay) {
        // Telegram's own Pay button on an invoice: the stars move only after the bot's pre-checkout says yes.
        const button = element('button', 'keyboard-button pay-button', b.text);
        button.type = 'button';
        button.addEventListener('click', () => actions.payInvoice(view.id, button));
        line.append(button);
      } else if (b.url) {
        const a = link(b.url, `${b.text} ↗`, actions);
        a.className = 'keyboard-button';
        line.append(a);
      } else {
        const button = element('button', 'keyboard-button', b.text);
        button.type = 'button';
        button.addEventListener('click', () => actions.press(view.id, b.data, button));
        line.append(button);
      }
    }
    keyboard.append(line);
  }
  return keyboard;
}

/** The whole row of one message: bubble plus keyboard, keyed by the message id. */
export function messageRow(view, actions) {
  const row = element('div', `message ${view.from === 'bot' ? 'incoming' : 'outgoing'}`);
  row.dataset.id = String(view.id);
  row.dataset.version = String(view.version);
  const bubble = element('div', 'bubble');
  if (view.photo) bubble.classList.add('has-photo');
  if (view.replyTo) bubble.append(element('div', 'reply-quote', view.replyTo.text || 'Message'));
  if (view.photo) bubble.append(photoOf(view, actions));
  if (view.document) bubble.append(documentOf(view));
  if (view.invoice) bubble.append(invoiceOf(view));
  if (view.payment) bubble.append(paymentNote(view));
  if (view.text) bubble.append(richText(view.text, view.entities, actions));
  const meta = element('span', 'meta', `${view.edited ? 'edited ' : ''}${timeOf(view.date)}`);
  bubble.append(meta);
  row.append(bubble);
  if (view.buttons) row.append(keyboardOf(view, actions));
  return row;
}

/** One line of a chat for the people list: the newest message's text, or what it holds. */
export function previewOf(view) {
  if (!view) return 'No messages yet';
  const who = view.from === 'person' ? 'You: ' : '';
  if (view.text) return who + view.text.split('\n')[0];
  if (view.photo) return `${who}🖼 Photo`;
  if (view.document) return `${who}📄 ${view.document.name}`;
  if (view.invoice) return `🧾 ${view.invoice.title}`;
  if (view.payment) return view.payment.kind === 'paid' ? `⭐ paid ${view.payment.amount}` : `⭐ ${view.payment.amount} refunded`;
  return who;
}
