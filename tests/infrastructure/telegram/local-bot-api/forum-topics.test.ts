// Supergroups, forum topics and copyMessage on the Bot API stand-in, answered with Telegram's rules and texts.
import { PNG } from 'pngjs';
import { type ApiResponse, type LocalBotApi, type TgMessage, startLocalBotApi } from '../../../../infrastructure/telegram/local-bot-api';

async function call(standIn: LocalBotApi, method: string, body: Record<string, unknown>): Promise<ApiResponse> {
  const response = await fetch(`${standIn.apiRoot}/bot${standIn.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as ApiResponse;
  expect(response.status).toBe(json.ok ? 200 : json.error_code);
  return json;
}

const result = <T>(answer: ApiResponse): T => {
  if (!answer.ok) throw new Error(`Expected success, got ${answer.description}`);
  return answer.result as T;
};

const refusal = (answer: ApiResponse): string => (answer.ok ? 'ok' : answer.description);

describe('forum supergroups on the Bot API stand-in', () => {
  let standIn: LocalBotApi;
  beforeEach(async () => {
    standIn = await startLocalBotApi();
  });
  afterEach(() => standIn.close());

  it('makes topics only in a forum where the bot may manage them, and sends into them by message_thread_id', async () => {
    const staff = standIn.driver.createUser({ first_name: 'Eve' });
    const forum = standIn.driver.createSupergroup({ title: 'Support', forum: true, members: [staff] });
    const plain = standIn.driver.createSupergroup({ title: 'Chatter' });
    const noRights = standIn.driver.createSupergroup({ title: 'Forum', forum: true, botIsAdmin: true, canManageTopics: false });
    expect(refusal(await call(standIn, 'createForumTopic', { chat_id: plain, name: 'x' }))).toBe('Bad Request: the chat is not a forum');
    expect(refusal(await call(standIn, 'createForumTopic', { chat_id: noRights, name: 'x' }))).toBe('Bad Request: not enough rights to create a topic');
    expect(refusal(await call(standIn, 'createForumTopic', { chat_id: forum, name: ' ' }))).toBe('Bad Request: TOPIC_NAME_EMPTY');
    expect(refusal(await call(standIn, 'createForumTopic', { chat_id: forum, name: 'x'.repeat(129) }))).toBe('Bad Request: TOPIC_NAME_INVALID');
    expect(refusal(await call(standIn, 'createForumTopic', { chat_id: -1009999, name: 'x' }))).toBe('Bad Request: chat not found');

    const topic = result<{ message_thread_id: number; name: string; icon_color: number }>(
      await call(standIn, 'createForumTopic', { chat_id: forum, name: '#1 · Ann' }),
    );
    expect(topic).toEqual({ message_thread_id: expect.any(Number), name: '#1 · Ann', icon_color: 0x6fb9f0 });
    expect(standIn.driver.topics(forum)).toEqual([{ threadId: topic.message_thread_id, name: '#1 · Ann', closed: false }]);

    const sent = result<TgMessage>(await call(standIn, 'sendMessage', { chat_id: forum, text: 'hello', message_thread_id: topic.message_thread_id }));
    expect(sent).toMatchObject({
      chat: { id: forum, type: 'supergroup', title: 'Support', is_forum: true },
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
    });
    expect(refusal(await call(standIn, 'sendMessage', { chat_id: forum, text: 'x', message_thread_id: 987654 }))).toBe('Bad Request: message thread not found');

    result(await call(standIn, 'closeForumTopic', { chat_id: forum, message_thread_id: topic.message_thread_id }));
    expect(refusal(await call(standIn, 'sendMessage', { chat_id: forum, text: 'x', message_thread_id: topic.message_thread_id }))).toBe(
      'Bad Request: TOPIC_CLOSED',
    );
    result(await call(standIn, 'reopenForumTopic', { chat_id: forum, message_thread_id: topic.message_thread_id }));

    // A member writes in the topic: the bot (an admin there) gets it with the thread id.
    standIn.driver.userSendsToGroup(staff, forum, { text: 'reply from staff' }, { threadId: topic.message_thread_id });
    const updates = result<Array<{ message?: TgMessage }>>(await call(standIn, 'getUpdates', { timeout: 0 }));
    expect(updates.map((u) => u.message)).toEqual([
      expect.objectContaining({
        text: 'reply from staff',
        message_thread_id: topic.message_thread_id,
        is_topic_message: true,
        from: expect.objectContaining({ first_name: 'Eve' }),
      }),
    ]);
  });

  it('keeps privacy mode for a bot that is not an admin: only commands and replies to it arrive', async () => {
    const ann = standIn.driver.createUser({ first_name: 'Ann' });
    const group = standIn.driver.createSupergroup({ title: 'Quiet', botIsAdmin: false, members: [ann] });
    standIn.driver.userSendsToGroup(ann, group, { text: 'just talking' });
    standIn.driver.userSendsToGroup(ann, group, { text: '/help' });
    const updates = result<Array<{ message?: TgMessage }>>(await call(standIn, 'getUpdates', { timeout: 0 }));
    expect(updates.map((u) => u.message?.text)).toEqual(['/help']);
  });

  it('copies a photo with a new caption into a topic, and refuses what cannot be copied', async () => {
    const ann = standIn.driver.createUser({ first_name: 'Ann' });
    const image = new PNG({ width: 2, height: 2 });
    image.data.fill(120);
    const bytes = PNG.sync.write(image);
    const original = standIn.driver.userSendsPhoto(ann, bytes, { caption: 'broken' });
    const forum = standIn.driver.createSupergroup({ title: 'Support', forum: true });
    const topic = result<{ message_thread_id: number }>(await call(standIn, 'createForumTopic', { chat_id: forum, name: 'Ann' }));

    const copied = result<{ message_id: number }>(
      await call(standIn, 'copyMessage', {
        chat_id: forum,
        from_chat_id: ann.id,
        message_id: original.message_id,
        caption: 'Ann: broken',
        message_thread_id: topic.message_thread_id,
      }),
    );
    const inTopic = standIn.driver.message(forum, copied.message_id);
    expect(inTopic).toMatchObject({ caption: 'Ann: broken', message_thread_id: topic.message_thread_id, photo: original.photo });
    expect(standIn.driver.downloadPhoto(inTopic as TgMessage).equals(bytes)).toBe(true);

    expect(refusal(await call(standIn, 'copyMessage', { chat_id: forum, from_chat_id: ann.id, message_id: 9999 }))).toBe(
      'Bad Request: message to copy not found',
    );
    expect(refusal(await call(standIn, 'copyMessage', { chat_id: ann.id, from_chat_id: forum, message_id: topic.message_thread_id }))).toBe(
      "Bad Request: message can't be copied",
    );
  });
});
