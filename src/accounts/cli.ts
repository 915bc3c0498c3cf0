// `storyline users ...`: list readers, issue a password reset link (works without SMTP), ban, make admin.
import { EXIT_OK, EXIT_SOME_FAILED, openApp, parse, printJson, usageError, type Io } from '../cli/common.ts';
import { createCommunity, openAccountsStore } from './setup.ts';
import type { User } from './model.ts';

export const help = 'users list | reset-link <user> | ban <user> [--reason TEXT] | unban <user> | make-admin <user> | remove-admin <user> [--json]';

const ACTIONS = ['list', 'reset-link', 'ban', 'unban', 'make-admin', 'remove-admin'] as const;
type Action = (typeof ACTIONS)[number];

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { reason: { type: 'string' } });
  const [action, name, ...extra] = positionals;
  if (!ACTIONS.includes(action as Action)) usageError(`expected one of ${ACTIONS.join(', ')}, got '${action ?? ''}'`);
  if (action === 'list' ? name !== undefined : name === undefined || extra.length > 0) usageError(`'${action}' takes ${action === 'list' ? 'no' : 'one'} user name`);
  const app = await openApp(io, values.db);
  const connection = openAccountsStore(app);
  try {
    const c = createCommunity({ app, store: connection.store, env: io.env });
    if (action === 'list') {
      const users = await c.accounts.listUsers();
      if (values.json) printJson(io, users.map((u) => ({ id: u.id, username: u.username, email: u.email, admin: u.isAdmin, banned: u.bannedAt !== null, created_at: u.createdAt })));
      else for (const u of users) io.stdout(`${u.username}\t${u.email}${u.isAdmin ? '\tadmin' : ''}${u.bannedAt ? `\tbanned ${u.bannedAt}` : ''}\n`);
      return EXIT_OK;
    }
    const user = await c.accounts.byLogin(name!);
    if (!user) {
      io.stderr(`error: no user '${name}'\n`);
      return EXIT_SOME_FAILED;
    }
    const result = await act(c, action as Exclude<Action, 'list'>, user, values.reason ?? '');
    if (values.json) printJson(io, result);
    else io.stdout(`${result.message}\n`);
    return EXIT_OK;
  } finally {
    connection.close();
    await app.close();
  }
}

async function act(c: ReturnType<typeof createCommunity>, action: Exclude<Action, 'list'>, user: User, reason: string): Promise<{ user: string; message: string; link?: string }> {
  switch (action) {
    case 'reset-link': {
      const link = await c.accounts.resetLink(user.id);
      return { user: user.username, link, message: `${link}\n(single use, valid for one hour; give it to ${user.username} by a channel you trust)` };
    }
    case 'ban':
      await c.accounts.setBanned(user, { reason });
      await c.community.log(null, 'ban', 'user', user.id, user.username, reason || 'from the command line');
      return { user: user.username, message: `${user.username} is banned; their sessions and API tokens have ended` };
    case 'unban':
      await c.accounts.setBanned(user, null);
      await c.community.log(null, 'unban', 'user', user.id, user.username, reason || 'from the command line');
      return { user: user.username, message: `${user.username} may log in again` };
    case 'make-admin':
    case 'remove-admin':
      await c.accounts.setAdmin(user, action === 'make-admin');
      return { user: user.username, message: `${user.username} is ${action === 'make-admin' ? 'now' : 'no longer'} an admin` };
  }
}
