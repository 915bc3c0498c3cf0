// A pull reader over a byte stream: peek, read exact lengths, search and skip without holding the whole stream.

export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Uint8Array>;
  private ended = false;

  constructor(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.it = Symbol.asyncIterator in source
      ? (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
      : toAsync(source as Iterable<Uint8Array>);
  }

  /** Bytes buffered and not yet consumed. */
  get buffered(): number {
    return this.buf.length;
  }

  /** True when nothing is buffered and the source is exhausted. */
  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  /** Ensures at least n bytes are buffered; false when the source ends first. */
  async fill(n: number): Promise<boolean> {
    if (this.buf.length >= n) return true;
    const parts: Buffer[] = [this.buf];
    let total = this.buf.length;
    while (total < n && !this.ended) {
      const next = await this.it.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      parts.push(chunk);
      total += chunk.length;
    }
    // One concat per fill keeps large reads linear instead of quadratic.
    if (parts.length > 1) this.buf = Buffer.concat(parts, total);
    return this.buf.length >= n;
  }

  /** Up to n bytes without consuming them. */
  async peek(n: number): Promise<Buffer> {
    await this.fill(n);
    return this.buf.subarray(0, n);
  }

  /** Exactly n bytes, or fewer when the source ends first. */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(out.length);
    return out;
  }

  /** Discards n bytes without buffering them all; returns how many were discarded. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (!this.buf.length && !(await this.fill(1))) break;
      const take = Math.min(left, this.buf.length);
      this.buf = this.buf.subarray(take);
      left -= take;
    }
    return n - left;
  }

  /** Drops n buffered bytes (after a peek or indexOf). */
  consume(n: number): void {
    this.buf = this.buf.subarray(Math.min(n, this.buf.length));
  }

  /** Puts bytes back in front of the unconsumed ones (after a read turned out to overshoot). */
  unshift(bytes: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([bytes, this.buf]) : bytes;
  }

  /** Offset of needle in the unconsumed bytes, looking no further than limit bytes; -1 when absent. */
  async indexOf(needle: Buffer, limit: number): Promise<number> {
    let from = 0;
    for (;;) {
      const at = this.buf.indexOf(needle, from);
      if (at >= 0 && at < limit) return at;
      if (at >= limit || this.buf.length >= limit || this.ended) return -1;
      from = Math.max(0, this.buf.length - needle.length + 1);
      await this.fill(Math.min(limit, this.buf.length + 64 * 1024));
    }
  }

  /** Skips forward to the next needle (left unconsumed), scanning any distance; false when the source ends. */
  async skipTo(needle: Buffer): Promise<boolean> {
    for (;;) {
      const at = this.buf.indexOf(needle);
      if (at >= 0) {
        this.buf = this.buf.subarray(at);
        return true;
      }
      // Keep a tail in case the needle straddles two chunks.
      this.buf = this.buf.subarray(Math.max(0, this.buf.length - needle.length + 1));
      if (!(await this.fill(this.buf.length + 1))) return false;
    }
  }

  /** The unconsumed remainder as a stream. */
  async *rest(): AsyncGenerator<Buffer> {
    if (this.buf.length) yield this.buf;
    this.buf = Buffer.alloc(0);
    for (;;) {
      const next = await this.it.next();
      if (next.done) return;
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
  }
}

async function* toAsync(source: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* source;
}
