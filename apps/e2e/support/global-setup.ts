// Fails fast, with the command to run, when the stack or the apps are not up.
import { e2eEnv } from './env.ts';

export default async function globalSetup(): Promise<void> {
  const targets = [
    ['booking app', e2eEnv.bookingUrl],
    ['practitioner app', e2eEnv.practitionerUrl],
    ['inbox', `${e2eEnv.inboxUrl}/api/messages?to=nobody%40e2e.carebook.test`],
  ] as const;
  for (const [name, url] of targets) {
    const reachable = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (!reachable) {
      throw new Error(
        `The ${name} is not answering at ${url}. Start the test stack first: ` +
          'npm exec -- node tools/local-stack/src/cli.ts start --profile test',
      );
    }
  }
}
