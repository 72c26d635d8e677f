// What every part of the stack returns once it listens, so the supervisor can stop them in order.
export interface RunningService {
  name: string;
  /** Base URL (or connection string) where the part listens. */
  url: string;
  /** Process id when the part is a child process (its own process group). */
  pid?: number;
  stop(): Promise<void>;
}

export type Logger = (line: string) => void;
