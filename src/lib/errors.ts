// One error shape with a stable code; callers branch on `code`, never on message text.

export type ErrorCode =
  | 'usage' | 'not_found' | 'empty_input' | 'binary_input' | 'too_large' | 'bad_gzip'
  | 'bad_encoding' | 'fetch_failed' | 'http_status' | 'bad_feed' | 'bad_warc' | 'no_content'
  | 'bad_input' | 'storage';

export class StorylineError extends Error {
  readonly code: ErrorCode;
  readonly input?: string;
  constructor(code: ErrorCode, message: string, input?: string) {
    super(message);
    this.name = 'StorylineError';
    this.code = code;
    this.input = input;
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
