import ChatDomain
import Foundation

/// Compares: one question to 2 to 4 models at once, each reply a request of its own, shown
/// side by side until one is kept.
extension AppReducer {
  /// Starts a compare of `models` with `text`, or (`nil`) the last message of the
  /// transcript asked again. A finished compare still on screen is left first (its first
  /// finished reply kept).
  static func startCompare(_ state: inout AppState, models: [String], text: String?) -> [Effect] {
    guard state.hasAPIKey else {
      notify(
        &state, "No API key: set OPENROUTER_API_KEY (or api_key in config.toml) and restart",
        .error)
      return []
    }
    guard !state.isBusy else {
      notify(&state, "A reply is streaming: stop it with Esc first", .warning)
      return []
    }
    guard (2...CompareTurn.modelLimit).contains(models.count) else {
      notify(&state, "A compare asks 2 to \(CompareTurn.modelLimit) models", .warning)
      return []
    }
    let attachments = state.pendingAttachments
    if !attachments.isEmpty {
      guard state.readingAttachments == 0 else {
        notify(&state, "Still reading the attachments: compare again in a moment", .warning)
        return []
      }
      guard text != nil else {
        notify(
          &state, "Give a prompt to send the attachments with: /compare MODEL MODEL PROMPT",
          .warning)
        return []
      }
    }
    var effects = leaveCompare(&state, sendingQueued: false)
    let prompt: String
    if let text {
      prompt = text
    } else {
      guard state.session != nil,
        let last = state.transcript.items.last(where: { $0.message.role == .user })
      else {
        notify(&state, "Nothing to ask again yet: type a prompt first, then compare")
        return effects
      }
      prompt = last.message.content
    }
    let ids = models.map { _ in
      defer { state.nextRequestID += 1 }
      return state.nextRequestID
    }
    state.compare = CompareState(models: models, requestIDs: ids, prompt: prompt, now: state.now)
    state.pendingEdit = nil
    state.pendingAttachments = []
    state.focus = .transcript
    if state.banner?.kind != .info { state.banner = nil }
    notify(
      &state,
      "Comparing \(models.count) models: 1–\(models.count) or [ ] choose, x stops one, "
        + "Enter keeps one, Esc stops all")
    effects.append(
      .compare(
        ids, sessionID: state.session?.id, agentName: state.agentName, overrides: state.overrides,
        text: text, models: models, attachments: attachments))
    return effects
  }

  /// An event of column `index`'s request.
  static func compareEvent(
    _ state: inout AppState, _ index: Int, _ event: ConversationEvent, at time: Date
  ) -> [Effect] {
    // Taken out of the state while it changes, so the copy here is the only one and the
    // columns' text is changed in place, never copied.
    guard var compare = state.compare else { return [] }
    state.compare = nil
    defer { state.compare = compare }
    switch event {
    case .started(let session, let question, let reply):
      let isNew = state.session?.id != session.id
      state.session = session
      if compare.questionID == nil {
        compare.questionID = reply.parentID
        if let question {
          place(&state, question)
        } else if let last = state.transcript.items.last, last.message.role == .assistant,
          last.message.parentID == reply.parentID
        {
          // Asked again: the question's replies so far leave the screen and stay variants.
          compare.earlierReplies = ([last.message] + last.otherVariants)
            .sorted { $0.createdAt < $1.createdAt }
          state.transcript.removeLast()
        }
      }
      compare.columns[index].reply = reply
      // Its request goes out now: time to first token counts from here, not from the
      // state's clock, which stands still while the app is idle.
      compare.columns[index].startedAt = time
      if compare.columns[index].phase == .starting { compare.columns[index].phase = .streaming }
      return isNew ? [.listSessions] : []
    case .retrying(let attempt, _, let reason):
      compare.columns[index].note = "\(reason); retrying (attempt \(attempt + 1))"
    case .served(let model, let provider):
      compare.columns[index].reply?.servedModel = model
      compare.columns[index].reply?.provider = provider
    case .reasoning(let text):
      // In place, as the column's text is: no copy of the whole reasoning per token.
      if compare.columns[index].reply?.reasoning == nil {
        compare.columns[index].reply?.reasoning = text
      } else {
        compare.columns[index].reply?.reasoning?.append(text)
      }
      compare.columns[index].countDeltas(1, at: time)
    case .content(let text):
      let (width, height) = (compare.textWidth, compare.textHeight)
      compare.columns[index].append(text, pieces: 1, at: time, width: width, height: height)
    case .usage(let usage):
      compare.columns[index].reply?.usage = usage
    case .citations(let citations):
      compare.columns[index].reply?.citations = citations
    case .image(let attachment):
      compare.columns[index].reply?.attachments.append(attachment)
    }
    return []
  }

  /// Text of column `index`: `pieces` deltas joined.
  static func compareContent(
    _ state: inout AppState, _ index: Int, _ text: String, pieces: Int, at time: Date
  ) {
    guard var compare = state.compare else { return }
    state.compare = nil  // the only copy: the text is appended in place
    let (width, height) = (compare.textWidth, compare.textHeight)
    compare.columns[index].append(text, pieces: pieces, at: time, width: width, height: height)
    state.compare = compare
  }

  /// Column `index`'s request ended. The first reply to finish becomes the selected one in
  /// the store (what leaving without choosing keeps); a refused key (401) stops the others,
  /// which would fail the same way; once all have ended, a kept column is put in place.
  static func compareEnded(_ state: inout AppState, _ index: Int, _ outcome: ConversationOutcome)
    -> [Effect]
  {
    guard var compare = state.compare else { return [] }
    state.compare = nil  // the only copy: the text is finished in place
    var effects: [Effect] = []
    let (width, height) = (compare.textWidth, compare.textHeight)
    switch outcome {
    case .finished(let reply):
      compare.columns[index].end(with: reply, failure: nil, width: width, height: height)
      if compare.firstFinished == nil {
        compare.firstFinished = index
        if compare.storedSelection != index, compare.keeping == nil {
          compare.storedSelection = index
          effects.append(.selectVariant(messageID: reply.id))
        }
      }
    case .failed(let error, let reply):
      compare.columns[index].end(
        with: reply, failure: reply?.error ?? error.userMessage, width: width, height: height)
      if error.kind == .provider(.auth) {
        effects += compare.stopActive()
        state.compare = compare
        state.banner = Banner(error.userMessage, kind: .error)
        return effects
      }
    case .cancelled(let reply):
      compare.columns[index].end(with: reply, failure: nil, width: width, height: height)
    }
    state.compare = compare
    guard !compare.isRunning else { return effects }
    if let keeping = compare.keeping { return effects + keep(&state, keeping) }
    let finished = compare.columns.filter { $0.reply?.status == .complete }.count
    notify(
      &state,
      finished == 0
        ? "No reply finished: r asks again later, or Esc leaves"
        : "Done: Enter keeps the selected reply and goes on with it; Esc keeps the first finished")
    return effects + [.listSessions, .loadCredits]
  }

  /// A command of the compare's keys.
  static func compareCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
    guard var compare = state.compare else { return [] }
    let height = compare.textHeight
    let selected = compare.selected
    switch command {
    case .previousColumn:
      compare.selected = (selected + compare.columns.count - 1) % compare.columns.count
    case .nextColumn:
      compare.selected = (selected + 1) % compare.columns.count
    case .column1, .column2, .column3, .column4:
      let number = [Command.column1, .column2, .column3, .column4].firstIndex(of: command) ?? 0
      guard number < compare.columns.count else { return [] }
      compare.selected = number
    case .columnUp: compare.columns[selected].scroll(by: -1, height: height)
    case .columnDown: compare.columns[selected].scroll(by: 1, height: height)
    case .pageUp: compare.columns[selected].scroll(by: -max(1, height - 2), height: height)
    case .pageDown: compare.columns[selected].scroll(by: max(1, height - 2), height: height)
    case .columnTop: compare.columns[selected].scrollToTop(height: height)
    case .columnBottom: compare.columns[selected].follow(height: height)
    case .stopColumn:
      state.compare = compare
      return stopColumn(&state, selected)
    case .keepColumn:
      state.compare = compare
      return keep(&state, selected)
    default:
      return []
    }
    state.compare = compare
    return []
  }

  /// `x`: stops column `index` only.
  static func stopColumn(_ state: inout AppState, _ index: Int) -> [Effect] {
    guard let column = state.compare?.columns[index] else { return [] }
    guard column.isActive else {
      notify(&state, "Reply \(index + 1) is not streaming")
      return []
    }
    state.compare?.columns[index].phase = .stopping
    return [.cancel(column.requestID)]
  }

  /// Esc in a compare: stops every reply still streaming; when none is, leaves the compare
  /// keeping the first finished reply.
  static func escapeCompare(_ state: inout AppState) -> [Effect] {
    guard let compare = state.compare else { return [] }
    guard compare.isRunning else { return leaveCompare(&state, sendingQueued: true) }
    let effects = state.compare?.stopActive() ?? []
    notify(&state, "Stopping every reply; what arrived is kept")
    return effects
  }

  /// Makes column `index`'s reply the one at its place in the transcript, the others its
  /// variants, and closes the compare; the conversation goes on from it. Columns still
  /// streaming are stopped first, and the keeping waits for their replies to be saved.
  static func keep(_ state: inout AppState, _ index: Int, sendingQueued: Bool = true) -> [Effect] {
    guard var compare = state.compare, compare.columns.indices.contains(index) else {
      notify(&state, "There is no reply \(index + 1) to keep", .warning)
      return []
    }
    guard let kept = compare.columns[index].reply, compare.columns[index].phase != .starting
    else {
      state.compare?.keeping = nil
      notify(&state, "Reply \(index + 1) has nothing to keep", .warning)
      return []
    }
    if compare.isRunning {
      guard compare.columns[index].phase != .streaming else {
        notify(
          &state, "Reply \(index + 1) is still streaming: wait for it, or stop it with x", .warning)
        return []
      }
      compare.keeping = index
      let effects = compare.stopActive()
      state.compare = compare
      notify(&state, "Keeping reply \(index + 1) once the others have stopped")
      return effects
    }
    var effects: [Effect] = []
    if compare.storedSelection != index { effects.append(.selectVariant(messageID: kept.id)) }
    let others =
      compare.earlierReplies
      + compare.columns.enumerated().compactMap { $0.offset == index ? nil : $0.element.reply }
    var shown = kept
    shown.isSelected = true
    close(&state, showing: shown, variants: others)
    notify(
      &state,
      "Kept reply \(index + 1) (\(kept.servedModel ?? kept.model ?? "the model")); "
        + "the others are its variants ([ ] on it)")
    return sendingQueued ? effects + finishRequest(&state) : effects
  }

  /// Leaves the compare without choosing: the first finished reply is kept (else the first
  /// model's, which the store already has selected). Nothing when no compare is open or it
  /// is still running. `sendingQueued`: the next queued prompt goes out (not when the caller
  /// sends something itself).
  static func leaveCompare(_ state: inout AppState, sendingQueued: Bool = false) -> [Effect] {
    guard let compare = state.compare, !compare.isRunning else { return [] }
    let stored =
      compare.columns[compare.storedSelection].reply != nil ? compare.storedSelection : nil
    guard let index = compare.firstFinished ?? stored else {
      // Nothing was stored: the question stays without a reply.
      state.compare = nil
      state.focus = .composer
      return []
    }
    return keep(&state, index, sendingQueued: sendingQueued)
  }

  private static func close(_ state: inout AppState, showing reply: Message, variants: [Message]) {
    state.compare = nil
    state.transcript.append(reply, otherVariants: variants.sorted { $0.createdAt < $1.createdAt })
    state.transcript.followTail()
    state.focus = .composer
  }
}
