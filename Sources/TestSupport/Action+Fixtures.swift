import ChatDomain
import ChatUI

extension Action {
  /// The answer of opening `session` with `entries` (as `.openSession(session.id)` gives it).
  public static func opened(_ session: Session, _ entries: [TranscriptEntry]) -> Action {
    .sessionOpened(
      reference: session.id, .success(OpenedSession(session: session, entries: entries)))
  }
}
