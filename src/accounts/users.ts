// Account use cases: register, log in and out, sessions, settings, deletion, password reset, API and feed tokens, admin.
import type { AccountsStore } from './store.ts';
import { publicUser, type SessionInfo, type User } from './model.ts';
import type { Mailer } from './mailer.ts';
import type { AccountsOptions } from './options.ts';
import { AccountError, invalid, notFound } from './errors.ts';
import {
  LOGIN_ACCOUNT_LIMIT, LOGIN_IP_LIMIT, REGISTER_IP_LIMIT, RESET_ACCOUNT_LIMIT, RESET_IP_LIMIT, RESET_TTL_MS,
  SESSION_TOUCH_MS, THROTTLE_KEEP_MS, TOKEN_NAME_MAX,
} from './policy.ts';
import {
  hashPassword, needsRehash, randomToken, tokenHash, verifyNothing, verifyPassword,
} from './security.ts';
import { Throttle } from './throttle.ts';
import * as v from './validate.ts';
import { accountsText, localePath, type Locale } from './i18n/index.ts';
import type { AccountsKey } from './i18n/types.ts';

/** API tokens start with this, so secret scanners and people can recognise one. */
export const API_TOKEN_PREFIX = 'slp_';
/** Characters of an API token shown in lists after creation. */
const TOKEN_HINT_LENGTH = API_TOKEN_PREFIX.length + 6;

export interface Authenticated {
  user: User;
  /** The new session's cookie value; only its hash is stored. */
  sessionToken: string;
}

export interface ResolvedSession {
  user: User;
  session: SessionInfo;
}

export class AccountService {
  readonly throttle: Throttle;

  constructor(
    private readonly sql: AccountsStore,
    private readonly mailer: Mailer,
    private readonly opts: AccountsOptions,
    private readonly now: () => Date = () => new Date(),
    /** Reports mail that could not be sent (the request has already been answered). */
    private readonly onMailError: (err: unknown) => void = () => undefined,
  ) {
    this.throttle = new Throttle(sql, now);
  }

  // ---- registration and log-in ----

  async register(input: { username: unknown; email: unknown; password: unknown; ip: string }): Promise<User> {
    if (!this.opts.registration) throw new AccountError('forbidden', 'error.registrationClosed');
    const username = v.username(input.username);
    const email = v.email(input.email);
    const password = v.password(input.password, { username, email });
    const ip = await this.throttle.check('register', input.ip, REGISTER_IP_LIMIT);
    if (ip.limited) throw new AccountError('rate_limited', 'error.tooManyRegistrations', { retryAfter: ip.retryAfter, vars: { minutes: minutes(ip.retryAfter) } });
    const hash = await hashPassword(password);
    const created = await this.sql.createUser({ username, email, passwordHash: hash, now: this.iso() });
    if ('conflict' in created) {
      // A taken name is public anyway (it shows on comments); a taken address is told only as "not available".
      throw created.conflict === 'username' ? invalid('error.usernameTaken', 'username') : invalid('error.emailTaken', 'email');
    }
    await this.throttle.hit('register', input.ip);
    return publicUser((await this.sql.userById(created.id))!);
  }

  /**
   * Checks a name-or-address and password under the log-in limits. An unknown name costs the same time and
   * counts towards the same limit as a known one, so neither timing nor limits reveal which names exist.
   */
  async authenticate(input: { login: unknown; password: unknown; ip: string }): Promise<User> {
    const login = v.cleanText(input.login);
    const password = typeof input.password === 'string' ? input.password.normalize('NFC') : '';
    if (!login || !password) throw invalid('error.loginRequired', 'login');
    const user = login.includes('@') ? await this.sql.userByEmail(login.toLowerCase()) : await this.sql.userByName(login);
    const accountKey = user ? `user:${user.id}` : `name:${login.toLowerCase()}`;
    for (const [bucket, key, limit] of [['login-ip', input.ip, LOGIN_IP_LIMIT], ['login', accountKey, LOGIN_ACCOUNT_LIMIT]] as const) {
      const state = await this.throttle.check(bucket, key, limit);
      if (state.limited) {
        throw new AccountError('rate_limited', 'error.tooManyLogins', { retryAfter: state.retryAfter, vars: { minutes: minutes(state.retryAfter) } });
      }
    }
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyNothing(password), false);
    if (!ok || !user) {
      await this.throttle.hit('login-ip', input.ip);
      await this.throttle.hit('login', accountKey);
      throw new AccountError('unauthorized', 'error.badLogin', { field: 'login' });
    }
    if (user.bannedAt) throw new AccountError('banned', 'error.banned');
    await this.throttle.clear('login', accountKey);
    if (needsRehash(user.passwordHash)) await this.sql.rehashPassword(user.id, user.passwordHash, await hashPassword(password));
    return publicUser(user);
  }

  /** Logs in: a new session with a new id every time, so an id planted before log-in is never adopted. */
  async login(input: { login: unknown; password: unknown; ip: string; userAgent: string | null }): Promise<Authenticated> {
    const user = await this.authenticate(input);
    return { user, sessionToken: await this.startSession(user.id, input.userAgent) };
  }

  async startSession(userId: number, userAgent: string | null): Promise<string> {
    const token = randomToken();
    const now = this.now().getTime();
    await this.sql.createSession({
      idHash: tokenHash(token), userId, now: new Date(now).toISOString(), expiresAt: this.expiry(now, now), userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /** The session a cookie names, extending its idle deadline (written at most once a minute). */
  async resolveSession(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    const now = this.now().getTime();
    const found = await this.sql.sessionUser(tokenHash(token), new Date(now).toISOString());
    if (!found) return null;
    if (now - Date.parse(found.session.seenAt) >= SESSION_TOUCH_MS) {
      const expiresAt = this.expiry(Date.parse(found.session.createdAt), now);
      await this.sql.touchSession(found.session.idHash, new Date(now).toISOString(), expiresAt);
      found.session = { ...found.session, seenAt: new Date(now).toISOString(), expiresAt };
    }
    return { user: publicUser(found.user), session: found.session };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sql.deleteSession(tokenHash(token));
  }

  /** Ends every session of the user (e.g. "log out everywhere"). */
  async endAllSessions(userId: number, exceptToken: string | null = null): Promise<void> {
    await this.sql.deleteSessions(userId, exceptToken ? tokenHash(exceptToken) : null);
  }

  listSessions(userId: number): Promise<SessionInfo[]> {
    return this.sql.listSessions(userId);
  }

  // ---- settings ----

  async changeEmail(user: User, input: { email: unknown; currentPassword: unknown; locale: Locale }): Promise<User> {
    const email = v.email(input.email);
    await this.confirmPassword(user.id, input.currentPassword);
    if (email === user.email) return user;
    if (!(await this.sql.setEmail(user.id, email))) throw invalid('error.emailTaken', 'email');
    // The old address hears of the change, so a hijacked session cannot quietly take the account.
    this.mail(user.email, input.locale, 'mail.emailChanged.subject', 'mail.emailChanged.body', { username: user.username, email });
    return publicUser((await this.sql.userById(user.id))!);
  }

  /**
   * Changes the password after checking the current one. Every other session ends, and the current one gets a
   * new id (returned), so a stolen cookie stops working.
   */
  async changePassword(user: User, input: { currentPassword: unknown; newPassword: unknown; sessionHash: string | null; userAgent: string | null; locale: Locale }): Promise<string> {
    await this.confirmPassword(user.id, input.currentPassword);
    const next = v.password(input.newPassword, { username: user.username, email: user.email }, 'newPassword');
    await this.sql.setPassword(user.id, await hashPassword(next), this.iso(), null);
    this.mail(user.email, input.locale, 'mail.passwordChanged.subject', 'mail.passwordChanged.body', { username: user.username });
    return this.startSession(user.id, input.userAgent);
  }

  /** Deletes the account and the user's data after checking the password. */
  async deleteAccount(user: User, currentPassword: unknown): Promise<void> {
    await this.confirmPassword(user.id, currentPassword);
    await this.sql.deleteUser(user.id, this.iso());
  }

  private async confirmPassword(userId: number, value: unknown): Promise<void> {
    const u = await this.sql.userById(userId);
    if (!u) throw notFound();
    const password = typeof value === 'string' ? value.normalize('NFC') : '';
    // Counted like log-in failures: a stolen session must not become a password oracle.
    const state = await this.throttle.check('login', `user:${userId}`, LOGIN_ACCOUNT_LIMIT);
    if (state.limited) throw new AccountError('rate_limited', 'error.tooManyLogins', { retryAfter: state.retryAfter, vars: { minutes: minutes(state.retryAfter) } });
    if (!password || !(await verifyPassword(u.passwordHash, password))) {
      await this.throttle.hit('login', `user:${userId}`);
      throw invalid('error.currentPassword', 'currentPassword');
    }
  }

  // ---- password reset ----

  /**
   * "Forgot password?": mails a reset link when the address belongs to an account. The caller answers the same
   * whatever happens here, and mail is sent after the answer, so neither words nor timing reveal accounts.
   */
  async requestReset(input: { email: unknown; ip: string; locale: Locale }): Promise<void> {
    const address = v.email(input.email);
    const ip = await this.throttle.check('reset-ip', input.ip, RESET_IP_LIMIT);
    if (ip.limited) throw new AccountError('rate_limited', 'error.tooManyResets', { retryAfter: ip.retryAfter, vars: { minutes: minutes(ip.retryAfter) } });
    await this.throttle.hit('reset-ip', input.ip);
    const user = await this.sql.userByEmail(address);
    if (!user || user.bannedAt) return;
    // Over the per-account limit the answer is the same, but no more mail goes to that mailbox.
    if ((await this.throttle.check('reset', `user:${user.id}`, RESET_ACCOUNT_LIMIT)).limited) return;
    await this.throttle.hit('reset', `user:${user.id}`);
    const link = await this.resetLink(user.id, input.locale);
    this.mail(user.email, input.locale, 'mail.reset.subject', 'mail.reset.body', { username: user.username, link, minutes: RESET_TTL_MS / 60_000 });
  }

  /** A new single-use reset link for a user (also what the admin CLI prints). */
  async resetLink(userId: number, locale: Locale = 'en'): Promise<string> {
    const token = randomToken();
    const now = this.now().getTime();
    await this.sql.createReset({ tokenHash: tokenHash(token), userId, now: new Date(now).toISOString(), expiresAt: new Date(now + RESET_TTL_MS).toISOString() });
    return `${this.opts.publicUrl}${localePath(locale, `/reset-password/${token}`)}`;
  }

  /** Whether a reset link can still be used (unused, unexpired, account not banned). */
  async resetIsValid(token: string): Promise<boolean> {
    return token.length <= 100 && (await this.sql.resetUser(tokenHash(token), this.iso())) !== null;
  }

  /** Sets a new password from a reset link; every session ends and a fresh one starts. */
  async completeReset(input: { token: string; password: unknown; userAgent: string | null }): Promise<Authenticated> {
    const hash = tokenHash(input.token);
    const userId = await this.sql.resetUser(hash, this.iso());
    if (userId === null) throw new AccountError('invalid_link', 'reset.invalid');
    const u = (await this.sql.userById(userId))!;
    const password = v.password(input.password, { username: u.username, email: u.email });
    const used = await this.sql.consumeReset(hash, await hashPassword(password), this.iso());
    // Another request may have used the link while the password was being hashed.
    if (used === null) throw new AccountError('invalid_link', 'reset.invalid');
    await this.throttle.clear('login', `user:${used}`);
    return { user: publicUser((await this.sql.userById(used))!), sessionToken: await this.startSession(used, input.userAgent) };
  }

  // ---- API tokens ----

  async createApiToken(user: User, name: unknown): Promise<{ token: string; id: number; name: string; hint: string; createdAt: string }> {
    const label = v.text(name, TOKEN_NAME_MAX, 'name');
    const token = randomToken(API_TOKEN_PREFIX);
    const info = await this.sql.createToken({ userId: user.id, name: label, hint: token.slice(0, TOKEN_HINT_LENGTH), tokenHash: tokenHash(token), now: this.iso() });
    return { token, id: info.id, name: info.name, hint: info.hint, createdAt: info.createdAt };
  }

  /** The user an API token belongs to (banned users' tokens are deleted with the ban). */
  async resolveApiToken(token: string): Promise<User | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
    const found = await this.sql.tokenUser(tokenHash(token));
    if (!found) return null;
    const now = this.now().getTime();
    if (!found.lastUsedAt || now - Date.parse(found.lastUsedAt) >= SESSION_TOUCH_MS) await this.sql.touchToken(found.tokenId, new Date(now).toISOString());
    return publicUser(found.user);
  }

  listApiTokens(userId: number) {
    return this.sql.listTokens(userId);
  }

  async revokeApiToken(userId: number, tokenId: number): Promise<void> {
    if (!(await this.sql.deleteToken(userId, tokenId))) throw notFound();
  }

  // ---- private feed token ----

  /** A new secret for the personal feed URL; the old URL stops working. */
  async rotateFeedToken(userId: number): Promise<string> {
    const token = randomToken();
    await this.sql.setFeedToken(userId, tokenHash(token));
    return token;
  }

  async userByFeedToken(token: string): Promise<User | null> {
    if (token.length > 100) return null;
    const u = await this.sql.userByFeedToken(tokenHash(token));
    return u ? publicUser(u) : null;
  }

  // ---- lookups and administration ----

  async byName(username: string): Promise<User | null> {
    const u = await this.sql.userByName(username);
    return u ? publicUser(u) : null;
  }

  async byLogin(login: string): Promise<User | null> {
    const s = login.trim();
    const u = s.includes('@') ? await this.sql.userByEmail(s.toLowerCase()) : await this.sql.userByName(s);
    return u ? publicUser(u) : null;
  }

  listUsers(): Promise<User[]> {
    return this.sql.listUsers();
  }

  async setBanned(user: User, ban: { reason: string } | null): Promise<void> {
    await this.sql.setBanned(user.id, ban ? { at: this.iso(), reason: ban.reason } : null);
  }

  async setAdmin(user: User, admin: boolean): Promise<void> {
    await this.sql.setAdmin(user.id, admin);
  }

  /** Deletes expired sessions, spent reset links and old throttle entries. */
  async prune(): Promise<void> {
    const now = this.now().getTime();
    await this.sql.prune(new Date(now).toISOString(), new Date(now - THROTTLE_KEEP_MS).toISOString());
  }

  /** Everything stored about the user and by them, without secrets; the web layer writes it out in snake_case. */
  async exportData(user: User): Promise<Record<string, unknown>> {
    const u = (await this.sql.userById(user.id))!;
    const rows = await this.sql.exportUser(user.id);
    return {
      exportedAt: this.iso(),
      account: { username: u.username, email: u.email, isAdmin: u.isAdmin, createdAt: u.createdAt, bannedAt: u.bannedAt },
      ...rows,
      // The tables keep the flag as 0 or 1; the export says true or false, as the API does.
      collections: (rows.collections as Array<{ is_public: number }>).map((c) => ({ ...c, is_public: c.is_public === 1 })),
    };
  }

  // ---- helpers ----

  private iso(): string {
    return this.now().toISOString();
  }

  /** The idle deadline, capped by the absolute one. */
  private expiry(createdMs: number, nowMs: number): string {
    const idle = nowMs + this.opts.sessionIdleMinutes * 60_000;
    const max = createdMs + this.opts.sessionMaxHours * 3_600_000;
    return new Date(Math.min(idle, max)).toISOString();
  }

  /** Sends in the background: the answer to the request does not wait for (or reveal) mail delivery. */
  private mail(to: string, locale: Locale, subject: AccountsKey, body: AccountsKey, vars: Record<string, string | number>): void {
    const t = accountsText(locale);
    this.mailer.send({ to, subject: t.t(subject, vars), text: t.t(body, vars) }).catch(this.onMailError);
  }
}

function minutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
