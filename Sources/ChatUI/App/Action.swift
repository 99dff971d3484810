import ChatDomain
import Foundation

/// Everything that can happen to the app: input, time, and answers from effects. Named as
/// events.
public enum Action: Sendable {
  case key(KeyEvent)
  case paste(String)
  case mouse(MouseEvent)
  case resized(TerminalSize)
  case tick(Date)

  case agentsLoaded([Agent], problems: [String])
  case catalogLoaded(ModelCatalog)
  case sessionsListed([SessionSummary])
  case sessionsSearched(query: String, hits: [MessageSearchHit])
  case sessionOpened(Session, [TranscriptEntry])
  case creditsLoaded(Decimal?)

  /// An event of request `id`, at `time`.
  case conversation(RequestID, ConversationEvent, at: Date)
  /// Request `id` ended with an error (after `.finished`, or before anything started).
  case conversationFailed(RequestID, message: String, at: Date)
  /// Request `id`'s stream ended (normally or not); nothing more will come.
  case conversationEnded(RequestID, at: Date)

  case editorFinished(String?)
  case sessionRenamed(id: String, title: String)
  case sessionDeleted(id: String)
  case variantSelected(Message)
  case themeChanged(name: String)
  /// A line for the banner from an effect (export written, copy done, something failed).
  case notified(String, Banner.Kind, at: Date)
}
