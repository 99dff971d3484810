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
    case .appStarted(let launch): return appStarted(&state, launch)
    case .key(let key): return handleKey(&state, key)
    case .paste(let text): return handlePaste(&state, text)
    case .mouse(let mouse): return handleMouse(&state, mouse)
    case .resized(let size):
      state.size = size
      return []
    case .tick(let now):
      tick(&state, now)
      return []
    case .catalogLoaded(let catalog):
      catalogLoaded(&state, catalog)
      return []
    case .catalogRefreshed(let result): return catalogRefreshed(&state, result)
    case .creditsLoaded(let result):
      // Credits are a nicety of the status line: a failure only leaves them out.
      if case .success(let credits) = result { state.creditsLeft = credits }
      return []
    case .sessionsListed(let result): return sessionsListed(&state, result)
    case .sessionsSearched(let query, let result): return sessionsSearched(&state, query, result)
    case .sessionOpened(let reference, let result):
      return sessionOpened(&state, reference: reference, result)
    case .sessionRenamed(let id, let result): return sessionRenamed(&state, id, result)
    case .sessionDeleted(let id, let result): return sessionDeleted(&state, id, result)
    case .sessionExported(let result):
      switch result {
      case .success(let path): notify(&state, "Exported to \(path)")
      case .failure(let error): notify(&state, "Could not export: \(error.userMessage)", .error)
      }
      return []
    case .branchSwitched(let messageID, let result):
      return branchSwitched(&state, messageID, result)
    case .variantSaved(let result):
      if case .failure(let error) = result {
        notify(&state, "Could not switch variants: \(error.userMessage)", .error)
      }
      return []
    case .copied(let what, let characters):
      notify(&state, "Copied \(what) (\(characters) characters)")
      return []
    case .editorFinished(let result): return editorFinished(&state, result)
    case .themeChanged(let result):
      switch result {
      case .success(let name):
        state.themeName = name
        notify(&state, "Theme: \(name)")
      case .failure(let error):
        notify(&state, error.userMessage, .error)
      }
      return []
    case .attachmentsRead(let results): return attachmentsRead(&state, results)
    case .pastedPathsChecked(let text, let paths, let files):
      return pastedPathsChecked(&state, text: text, paths: paths, files: files)
    case .pathsCompleted(let input, let word, let candidates):
      return pathsCompleted(&state, input: input, word: word, candidates: candidates)
    case .attachmentOpened(let name, let result):
      return attachmentOpened(&state, name: name, result)
    case .conversation(let id, let event, let time):
      state.now = max(state.now, time)
      return conversation(&state, id, event, at: time)
    case .contentBurst(let id, let text, let pieces, let time):
      state.now = max(state.now, time)
      return content(&state, id, text, pieces: pieces, at: time)
    case .requestEnded(let id, let outcome, let time):
      state.now = max(state.now, time)
      return requestEnded(&state, id, outcome)
    }
  }

  private static func tick(_ state: inout AppState, _ now: Date) {
    state.now = now
    state.spinnerFrame &+= 1
    if case .streaming(var reply) = state.completion {
      reply.shownTokensPerSecond = reply.tokensPerSecond.map { $0.rounded() }
      state.completion = .streaming(reply)
    }
    if var compare = state.compare {
      for index in compare.columns.indices where compare.columns[index].phase != .ended {
        compare.columns[index].shownTokensPerSecond =
          compare.columns[index].tokensPerSecond.map { $0.rounded() }
        compare.columns[index].shownDeltas = compare.columns[index].deltas
      }
      state.compare = compare
    }
    if let expiry = state.banner?.expiresAt, expiry <= now { state.banner = nil }
  }

  /// Keeps the transcript's and the lists' sizes in step with the screen (the input box grows
  /// with its text; a banner takes a row).
  static func syncLayout(_ state: inout AppState) {
    let layout = state.layout
    let text = layout.transcriptText
    if text.width != state.transcript.width || text.height != state.transcript.height {
      state.transcript.resize(width: max(1, text.width), height: max(1, text.height))
    }
    if let count = state.compare?.columns.count {
      let size = CompareLayout(area: text, count: count).bodySize
      state.compare?.resize(width: size.width, height: size.height)
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
