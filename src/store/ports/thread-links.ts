/** Which briefing a chat thread is about, and who its questions are about now. */
export interface ThreadLinks {
  /** Remembers which briefing a chat thread is about ("discord:<guild>:<thread>"). */
  link(thread: string, briefingId: number): Promise<void>;
  briefingFor(thread: string): Promise<number | null>;
  /** What a linked thread's questions are about now ("Mara Quist"), for follow-on pronouns. */
  setFocus(thread: string, focus: string | null): Promise<void>;
  focus(thread: string): Promise<string | null>;
}
