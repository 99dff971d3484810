import ChatDomain
import Foundation

/// The app's logic: applies an action to the state and returns the effects to run.
///
/// Pure: no I/O, no clock (time comes in actions), no randomness, no tasks. Split by feature
/// into `AppReducer+….swift` files.
public enum AppReducer {
  public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = route(&state, action)
    syncLayout(&state)
    return effects
  }

  private static func route(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key): return handleKey(&state, key)
    case .paste(let text): return handlePaste(&state, text)
    case .mouse(let mouse): return handleMouse(&state, mouse)
    case .resized(let size):
      state.size = size
      return []
    case .tick(let now):
      state.now = now
      state.spinnerFrame &+= 1
      if case .streaming(var reply) = state.completion {
        reply.shownTokensPerSecond = reply.tokensPerSecond.map { $0.rounded() }
        state.completion = .streaming(reply)
      }
      if let expiry = state.banner?.expiresAt, expiry <= now { state.banner = nil }
      return []
    case .agentsLoaded(let agents, let problems):
      return agentsLoaded(&state, agents, problems: problems)
    case .catalogLoaded(let catalog):
      state.catalog = catalog
      if state.overlay == .models { state.modelPicker.refresh(catalog, current: state.model) }
      return []
    case .sessionsListed(let summaries):
      state.sessions.summaries = summaries
      state.sessions.cursor = min(state.sessions.cursor, max(0, state.sessions.rowCount - 1))
      state.sessions.sideCursor = min(state.sessions.sideCursor, max(0, summaries.count - 1))
      return []
    case .sessionsSearched(let query, let hits):
      guard query == state.sessions.query.text else { return [] }
      state.sessions.hits = hits
      state.sessions.hitsQuery = query
      state.sessions.cursor = 0
      return []
    case .sessionOpened(let session, let entries):
      return sessionOpened(&state, session, entries)
    case .creditsLoaded(let credits):
      state.creditsLeft = credits
      return []
    case .conversation(let id, let event, let time):
      state.now = max(state.now, time)
      return conversation(&state, id, event, at: time)
    case .conversationFailed(let id, let message, let time):
      return conversationFailed(&state, id, message: message, at: time)
    case .conversationEnded(let id, _):
      if state.completion.requestID == id { return finishRequest(&state) }
      return []
    case .editorFinished(let text):
      if let text { state.composer.set(text.trimmingTrailingNewlines) }
      state.focus = .composer
      return []
    case .sessionRenamed(let id, let title):
      if state.session?.id == id { state.session?.title = title }
      return [.listSessions]
    case .sessionDeleted(let id):
      return sessionDeleted(&state, id)
    case .variantSelected(let message):
      state.transcript.replace(message, otherVariants: nil)
      return []
    case .themeChanged(let name):
      state.themeName = name
      return []
    case .notified(let text, let kind, let time):
      state.banner = Banner(text, kind: kind, expiresAt: kind == .info ? time + 4 : nil)
      return []
    }
  }

  /// Keeps the transcript's and the lists' sizes in step with the screen (the input box grows
  /// with its text; a banner takes a row).
  static func syncLayout(_ state: inout AppState) {
    let layout = state.layout
    let text = layout.transcriptText
    if text.width != state.transcript.width || text.height != state.transcript.height {
      state.transcript.resize(width: max(1, text.width), height: max(1, text.height))
    }
    syncLists(&state, layout)
    if !layout.hasSideColumn, state.focus == .agents || state.focus == .sessions {
      state.focus = .composer
    }
  }

  /// Puts a line in the banner.
  static func notify(_ state: inout AppState, _ text: String, _ kind: Banner.Kind = .info) {
    state.banner = Banner(text, kind: kind, expiresAt: kind == .info ? state.now + 4 : nil)
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
