/** What kind of thing a name in a thread is, when the articles say; null when they do not. */
export type ThreadNameType = 'person' | 'organization' | null;

/** A person or organisation a thread talked about, by the articles' canonical name if known. */
export interface ThreadName {
  name: string;
  type: ThreadNameType;
}

/**
 * One question and its answer, as far as follow-up pronouns care: who the question was about
 * (its subject), the other names it used, and the actors named in the cited answer sentence.
 */
export interface ThreadTurn {
  subject: ThreadName | null;
  named: ThreadName[];
  answered: ThreadName[];
}

/** How many turns a thread remembers: pronouns reach back no further. */
export const THREAD_TURNS_KEPT = 5;

/** Which briefing a chat thread is about, and who its questions are about now. */
export interface ThreadLinks {
  /** Remembers which briefing a chat thread is about ("discord:<guild>:<thread>"). */
  link(thread: string, briefingId: number): Promise<void>;
  briefingFor(thread: string): Promise<number | null>;
  /** What a linked thread's questions are about now ("Mara Quist"), for follow-on pronouns. */
  setFocus(thread: string, focus: string | null): Promise<void>;
  /** The last focus set, or the subject of the last turn recorded with one. */
  focus(thread: string): Promise<string | null>;
  /**
   * Adds a turn to a linked thread's history, keeping the last THREAD_TURNS_KEPT; a turn with
   * a subject also makes it the focus. Nothing happens for a thread that is not linked.
   */
  addTurn(thread: string, turn: ThreadTurn): Promise<void>;
  /** A thread's remembered turns, oldest first; none for an unknown thread. */
  turns(thread: string): Promise<ThreadTurn[]>;
  /**
   * Records that an inbound chat event (a message, by its platform id) is being handled: true
   * the first time, false when it already was, here or by another replica (a platform's retry,
   * or one message delivered as two events). Records older than a day are forgotten.
   */
  firstHandling(event: string, at: string): Promise<boolean>;
}
