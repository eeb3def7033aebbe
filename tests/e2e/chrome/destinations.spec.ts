import type { Page } from '@playwright/test';
import { TELEGRAM_TOKEN, type Sandbox } from '../../sandbox/server';
import { expect, saveKeys, shortenWaits, stopWorker, test } from './fixtures';

const NTFY = 'https://ntfy.sh/my-upwork-jobs';
const HOOK = 'https://hooks.example.com/upwork/s3cr3t-path';
/** What the user allowed when adding them (the build holds neither: see the manifest test). */
test.use({ grantedOrigins: ['https://ntfy.sh/*', 'https://hooks.example.com/*'] });

const posts = (sandbox: Sandbox, host: string) => sandbox.requests().filter((r) => r.host === host && r.method === 'POST');

async function addDestination(options: Page, kind: string, name: string, url: string) {
  const form = options.getByRole('form', { name: 'New destination' });
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel(/address|URL/).fill(url);
  await form.getByRole('button', { name: 'Add destination' }).click();
  return form.getByRole('status');
}

test('a watch with two destinations: Check now sends each one message listing its 3 new jobs; one answering 500 gets the same 3 exactly once after it recovers, across a worker stop; secrets stay out of Activity and the report', async ({
  context,
  extensionId,
  sandbox,
  worker,
}) => {
  test.setTimeout(90_000);
  // The retry after a failed delivery at a twentieth: 1.5 s.
  await shortenWaits(worker, 0.05);
  const options = await saveKeys(context, extensionId);
  await expect(await addDestination(options, 'ntfy topic', 'Phone', NTFY)).toContainText('Added "Phone"');
  await expect(await addDestination(options, 'JSON webhook', 'Our bot', HOOK)).toContainText('Added "Our bot"');
  const phone = options.getByRole('listitem', { name: 'Destination Phone' });
  // Masked: the host and the topic the user chose, never the webhook's path.
  await expect(phone).toContainText('ntfy.sh · topic my-••••');
  await expect(options.getByRole('listitem', { name: 'Destination Our bot' })).toContainText('hooks.example.com · ••••path');
  await expect(options.getByRole('list', { name: 'Your destinations' })).not.toContainText(/s3cr3t|upwork-jobs/);

  await phone.getByRole('button', { name: 'Send test' }).click();
  await expect(phone.getByRole('status')).toHaveText('Sent: ntfy.sh accepted the test message.');
  expect(posts(sandbox, 'ntfy.sh')).toHaveLength(1);

  const form = options.getByRole('form', { name: 'New watch' });
  await form.getByLabel('Name').fill('shopify');
  await form.getByLabel('Searches (one per line)').fill('shopify');
  await form.getByLabel('How often').selectOption({ label: 'once a day' });
  await form.getByRole('button', { name: 'Save watch' }).click();
  const watch = options.getByRole('listitem', { name: 'Watch shopify' });
  // Each tick is saved, then shown.
  for (const name of ['Phone', 'Our bot']) {
    await watch.getByLabel(name).click();
    await expect(watch.getByLabel(name)).toBeChecked();
  }

  sandbox.addFault({ host: 'hooks.example.com', status: 500 });
  await watch.getByRole('button', { name: 'Check now' }).click();
  await expect(watch.getByRole('status')).toContainText('3 new.', { timeout: 20_000 });
  await expect.poll(() => posts(sandbox, 'ntfy.sh').length).toBe(2);
  const message = posts(sandbox, 'ntfy.sh')[1]!.body as { topic: string; title: string; message: string };
  expect(message).toMatchObject({ topic: 'my-upwork-jobs', title: '3 new Upwork jobs: shopify' });
  expect(message.message.match(/https:\/\/www\.upwork\.com\/jobs\/~0/g)).toHaveLength(3);

  // The webhook answered 500: it waits in the outbox. The worker stops before the retry; a new one sends it, once.
  await expect.poll(() => posts(sandbox, 'hooks.example.com').length).toBe(1);
  await stopWorker(options);
  await expect.poll(() => posts(sandbox, 'hooks.example.com').filter((r) => r.status === 200).length, { timeout: 30_000 }).toBe(1);
  const delivered = posts(sandbox, 'hooks.example.com').find((r) => r.status === 200)!.body as { jobs: unknown[]; deliveryId: string };
  expect(delivered.jobs).toHaveLength(3);
  const bot = options.getByRole('listitem', { name: 'Destination Our bot' });
  await expect(bot).toContainText('Last delivered');
  // Nothing more goes out: each job once to each destination.
  await watch.getByRole('button', { name: 'Check now' }).click();
  await expect(watch.getByRole('status')).toContainText('0 new.', { timeout: 20_000 });
  expect(posts(sandbox, 'hooks.example.com')).toHaveLength(2);
  expect(posts(sandbox, 'ntfy.sh')).toHaveLength(2);

  // Activity names the destinations by host only; the report and Activity carry no path, topic or token.
  await options.reload();
  const activity = options.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText('hooks.example.com');
  expect(await options.locator('body').innerText()).not.toMatch(/s3cr3t|my-upwork-jobs/);
  const report = await options.getByText('The report').evaluate((summary) => summary.parentElement?.textContent ?? '');
  expect(report).not.toMatch(/s3cr3t|my-upwork-jobs|hooks\.example/);
});

// A refusal is said in words (tests/unit/destinations-form.test.tsx): no automation can answer Chromium's prompt.
test('removing the last destination of an origin gives its permission back', async ({ context, extensionId, worker }) => {
  const options = await saveKeys(context, extensionId);
  await expect(await addDestination(options, 'ntfy topic', 'Phone', NTFY)).toContainText('Added "Phone"');
  const held = () => worker.evaluate(() => chrome.permissions.contains({ origins: ['https://ntfy.sh/*'] }));
  expect(await held()).toBe(true);
  await options.getByRole('listitem', { name: 'Destination Phone' }).getByRole('button', { name: 'Remove' }).click();
  await expect.poll(held).toBe(false);
});

test.describe('each kind of destination', () => {
  test.use({
    grantedOrigins: ['https://ntfy.sh/*', 'https://hooks.slack.com/*', 'https://discord.com/*', 'https://api.telegram.org/*', 'https://hooks.example.com/*'],
  });

  test('Send test reaches each of the five as its service expects it (the sandbox answers as each documents)', async ({ context, extensionId, sandbox }) => {
    const options = await saveKeys(context, extensionId);
    const form = options.getByRole('form', { name: 'New destination' });
    const add = async (kind: string, fill: Array<[string | RegExp, string]>) => {
      await form.getByLabel('Kind').selectOption({ label: kind });
      for (const [label, value] of fill) await form.getByLabel(label).fill(value);
      await form.getByRole('button', { name: 'Add destination' }).click();
      await expect(form.getByRole('status')).toContainText(`Added "${kind}"`);
    };
    await add('ntfy topic', [[/^Topic address/, NTFY]]);
    await add('Slack webhook', [['Slack incoming webhook URL', 'https://hooks.slack.com/services/T000/B000/XXXXsecret']]);
    await add('Discord webhook', [['Discord webhook URL', 'https://discord.com/api/webhooks/123/secret-token']]);
    await add('Telegram bot', [
      ['Bot token (from @BotFather)', TELEGRAM_TOKEN],
      ['Chat id', '-1001234567890'],
    ]);
    await add('JSON webhook', [[/^Webhook URL/, HOOK]]);
    for (const [name, host] of [
      ['ntfy topic', 'ntfy.sh'],
      ['Slack webhook', 'hooks.slack.com'],
      ['Discord webhook', 'discord.com'],
      ['Telegram bot', 'api.telegram.org'],
      ['JSON webhook', 'hooks.example.com'],
    ] as const) {
      const item = options.getByRole('listitem', { name: `Destination ${name}` });
      await item.getByRole('button', { name: 'Send test' }).click();
      await expect(item.getByRole('status')).toHaveText(`Sent: ${host} accepted the test message.`);
      expect(posts(sandbox, host)).toHaveLength(1);
    }
    // Telegram's token is in its URL path: it reached Telegram and nowhere else, and the list shows its last four.
    await expect(options.getByRole('listitem', { name: 'Destination Telegram bot' })).toContainText(
      `bot ••••${TELEGRAM_TOKEN.slice(-4)} · chat -1001234567890`,
    );
    await expect(options.getByRole('list', { name: 'Your destinations' })).not.toContainText(TELEGRAM_TOKEN);
  });
});
