// Outgoing mail: over SMTP when SMTP_URL is set, otherwise as .eml files in an outbox folder the admin can read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Where mail goes, for logs and the admin: 'smtp://host' (no credentials) or the outbox folder. */
  readonly destination: string;
}

/** Sends through an SMTP server given as smtp://user:pass@host:port or smtps://... */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  readonly destination: string;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl);
    const u = new URL(smtpUrl);
    this.destination = `${u.protocol}//${u.host}`;
  }

  async send(m: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text });
  }
}

/** Writes each message as an RFC 5322 file (readable by any mail client), private to the server's user. */
export class OutboxMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(readonly destination: string, private readonly from: string) {}

  async send(m: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text });
    mkdirSync(this.destination, { recursive: true, mode: 0o700 });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
    writeFileSync(join(this.destination, name), info.message as Buffer, { mode: 0o600 });
  }
}

export function createMailer(opts: { smtpUrl: string; mailFrom: string; outboxDir: string }): Mailer {
  return opts.smtpUrl ? new SmtpMailer(opts.smtpUrl, opts.mailFrom) : new OutboxMailer(opts.outboxDir, opts.mailFrom);
}
