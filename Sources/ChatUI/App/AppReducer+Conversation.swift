import ChatDomain
import Foundation

extension AppReducer {
  /// Sends the input, or queues it while a reply streams, or runs a slash command. With an
  /// edit pending the input replaces that message, as a new branch.
  static func submit(_ state: inout AppState) -> [Effect] {
    let text = state.composer.text
    if text.isBlank, state.pendingAttachments.isEmpty, !state.isBusy,
      !state.queuedPrompts.isEmpty, state.hasAPIKey
    {
      return leaveCompare(&state) + send(&state, state.queuedPrompts.removeFirst())
    }
    guard !text.isBlank || !state.pendingAttachments.isEmpty else { return [] }
    if text.hasPrefix("/") { return slashCommand(&state, text) }
    return sendComposer(&state, checked: false)
  }

  /// Sends the input with the pending attachments. Unless `checked`, attachments the model's
  /// catalog entry does not take are asked about first (an unknown model is sent to as it
  /// is).
  static func sendComposer(_ state: inout AppState, checked: Bool) -> [Effect] {
    let text = state.composer.text
    guard state.hasAPIKey else {
      notify(
        &state, "No API key: set OPENROUTER_API_KEY (or api_key in config.toml) and restart",
        .error)
      return []
    }
    let attachments = state.pendingAttachments
    if !attachments.isEmpty {
      guard state.readingAttachments == 0 else {
        notify(&state, "Still reading the attachments: send again in a moment", .warning)
        return []
      }
      guard !state.isBusy else {
        notify(
          &state, "A reply is streaming: send the attachments when it ends (Esc stops it)",
          .warning)
        return []
      }
      if !checked, let model = state.modelSummary {
        let missing = model.unsupportedKinds(attachments.map(\.attachment.kind))
        if !missing.isEmpty {
          state.overlay = .confirmUnsupported(model: model.id, kinds: missing)
          return []
        }
      }
    }
    if let edit = state.pendingEdit {
      guard !state.isBusy else {
        notify(
          &state, "A reply is streaming: send the edit when it ends (or stop it with Esc)", .warning
        )
        return []
      }
      state.composer.commit()
      state.pendingEdit = nil
      state.pendingAttachments = []
      return leaveCompare(&state)
        + send(&state, text, attachments: attachments, replacing: edit.messageID)
    }
    state.composer.commit()
    if state.isBusy {
      state.queuedPrompts.append(text)
      let when = state.compare == nil ? "when this reply ends" : "once you keep a reply"
      notify(&state, "Queued: sent \(when) (\(state.queuedPrompts.count) waiting)")
      return []
    }
    state.pendingAttachments = []
    return leaveCompare(&state) + send(&state, text, attachments: attachments)
  }

  static func send(
    _ state: inout AppState, _ text: String, attachments: [AttachmentFile] = [],
    replacing: String? = nil
  ) -> [Effect] {
    let id = state.nextRequestID
    state.nextRequestID += 1
    state.completion = .starting(id, text: text)
    state.sendingAttachments = attachments
    if state.banner?.kind != .info { state.banner = nil }
    state.transcript.followTail()
    return [
      .send(
        id, sessionID: state.session?.id, agentName: state.agentName,
        overrides: state.overrides, text: text, attachments: attachments, replacing: replacing)
    ]
  }

  /// Asks again for a reply: `replyID` (a reply anywhere in the transcript, or a user
  /// message to answer again), else the last one.
  static func regenerate(_ state: inout AppState, replyID: String? = nil) -> [Effect] {
    guard !state.isBusy else {
      notify(&state, "A reply is streaming: stop it with Esc first", .warning)
      return []
    }
    guard let session = state.session,
      state.transcript.items.contains(where: {
        $0.message.role == .assistant || $0.message.role == .user
      })
    else {
      notify(&state, "Nothing to regenerate yet")
      return []
    }
    guard state.hasAPIKey else {
      notify(&state, "No API key: set OPENROUTER_API_KEY and restart", .error)
      return []
    }
    let id = state.nextRequestID
    state.nextRequestID += 1
    state.completion = .starting(id, text: nil)
    if let replyID, let index = state.transcript.index(of: replyID),
      index < state.transcript.items.count - 1
    {
      // In the middle: the view stays where the new variant will appear.
      state.transcript.reveal(index)
    } else {
      state.transcript.followTail()
    }
    return [
      .regenerate(
        id, sessionID: session.id, agentName: state.agentName, overrides: state.overrides,
        replyID: replyID)
    ]
  }

  static func cancel(_ state: inout AppState) -> [Effect] {
    if state.compare != nil { return escapeCompare(&state) }
    switch state.completion {
    case .starting(let id, let text):
      state.completion = .cancelling(id, replyID: nil, prompt: text)
      return [.cancel(id)]
    case .streaming(let reply):
      state.completion = .cancelling(reply.requestID, replyID: reply.replyID)
      return [.cancel(reply.requestID)]
    case .idle, .cancelling:
      return []
    }
  }

  /// Puts a message that has just started at its place in the transcript: at the end, or,
  /// when the place is taken by a message with the same parent (an edit, a regeneration in
  /// the middle), as a new branch there.
  static func place(_ state: inout AppState, _ message: Message) {
    let index = message.position
    let items = state.transcript.items
    if items.indices.contains(index), items[index].message.position == index,
      items[index].message.parentID == message.parentID
    {
      state.transcript.branch(at: index, with: message)
    } else {
      state.transcript.append(message)
    }
  }

  static func conversation(
    _ state: inout AppState, _ id: RequestID, _ event: ConversationEvent, at time: Date
  ) -> [Effect] {
    if let column = state.compare?.column(for: id) {
      return compareEvent(&state, column, event, at: time)
    }
    guard state.completion.requestID == id else { return [] }  // a stale request
    switch event {
    case .started(let session, let userMessage, let reply):
      let isNew = state.session?.id != session.id
      state.session = session
      if let userMessage {
        place(&state, userMessage)
        state.sendingAttachments = []
      }
      place(&state, reply)
      if case .cancelling = state.completion {
        state.completion = .cancelling(id, replyID: reply.id)
      } else {
        state.completion = .streaming(
          StreamingReply(requestID: id, replyID: reply.id, startedAt: time))
      }
      return isNew ? [.listSessions] : []
    case .retrying(let attempt, let delay, let reason):
      let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
      state.banner = Banner(
        "\(reason); retrying in {countdown} (attempt \(attempt + 1))", kind: .warning,
        countdownTo: time.addingTimeInterval(seconds))
      return []
    case .served(let model, let provider):
      modifyReply(&state) {
        $0.servedModel = model
        $0.provider = provider
      }
      return []
    case .reasoning(let text):
      guard case .streaming(var reply) = state.completion else { return [] }
      state.transcript.appendReasoning(text, to: reply.replyID)
      reply.countDeltas(1, at: time)
      state.completion = .streaming(reply)
      return []
    case .content(let text):
      return content(&state, id, text, pieces: 1, at: time)
    case .usage(let usage):
      modifyReply(&state) { $0.usage = usage }
      return []
    case .image(let attachment):
      modifyReply(&state) { $0.attachments.append(attachment) }
      return []
    case .citations(let citations):
      guard case .streaming(let reply) = state.completion else { return [] }
      state.transcript.setCitations(citations, of: reply.replyID)
      return []
    }
  }

  /// Reply text of request `id`: `pieces` deltas joined into `text`.
  static func content(
    _ state: inout AppState, _ id: RequestID, _ text: String, pieces: Int, at time: Date
  ) -> [Effect] {
    if let column = state.compare?.column(for: id) {
      compareContent(&state, column, text, pieces: pieces, at: time)
      return []
    }
    guard state.completion.requestID == id, case .streaming(var reply) = state.completion else {
      return []
    }
    state.transcript.appendContent(text, to: reply.replyID)
    reply.countDeltas(pieces, at: time)
    state.completion = .streaming(reply)
    if state.banner?.countdownTo != nil { state.banner = nil }
    return []
  }

  /// Request `id` ended: the reply as stored replaces the streamed one, and the banner says
  /// how it ended.
  ///
  /// A failure never sends the queued prompts by itself (a prompt that cannot be sent would
  /// otherwise fail again and again): they wait for Enter on an empty input.
  static func requestEnded(_ state: inout AppState, _ id: RequestID, _ outcome: ConversationOutcome)
    -> [Effect]
  {
    if let column = state.compare?.column(for: id) {
      return compareEnded(&state, column, outcome)
    }
    guard state.completion.requestID == id else { return [] }  // a stale request
    let unsentPrompt: String? =
      switch state.completion {
      case .starting(_, let text), .cancelling(_, nil, let text): text
      default: nil
      }
    if let reply = outcome.reply {
      state.transcript.replace(reply)
      state.transcript.settleTail()
    } else if let unsentPrompt {
      restore(&state, prompt: unsentPrompt)
    }
    switch outcome {
    case .finished:
      if state.banner?.countdownTo != nil { state.banner = nil }
      return finishRequest(&state) + [.listSessions, .loadCredits]
    case .cancelled(let reply):
      if reply == nil {
        notify(&state, "Stopped before the reply started")
        return finishRequest(&state)
      }
      notify(&state, "Stopped; the partial reply was kept")
      return finishRequest(&state) + [.listSessions, .loadCredits]
    case .failed(let error, let reply):
      state.completion = .idle
      var text = reply?.error ?? error.userMessage
      if !state.queuedPrompts.isEmpty {
        text += " (\(state.queuedPrompts.count) queued: Enter on an empty input sends the next)"
      }
      state.banner = Banner(text, kind: .error)
      return reply == nil ? [] : [.listSessions, .loadCredits]
    }
  }

  /// Gives a prompt that was not sent back to the input, or to the front of the queue when
  /// something new is being typed.
  private static func restore(_ state: inout AppState, prompt: String) {
    // The attachments come back too, before any attached since.
    state.pendingAttachments = state.sendingAttachments + state.pendingAttachments
    state.sendingAttachments = []
    if state.composer.isEmpty {
      state.composer.set(prompt)
    } else {
      state.queuedPrompts.insert(prompt, at: 0)
    }
  }

  /// The request is over: back to idle, and the next queued prompt goes out.
  static func finishRequest(_ state: inout AppState) -> [Effect] {
    state.completion = .idle
    guard !state.queuedPrompts.isEmpty, state.hasAPIKey, state.compare == nil else { return [] }
    return send(&state, state.queuedPrompts.removeFirst())
  }

  private static func modifyReply(_ state: inout AppState, _ change: (inout Message) -> Void) {
    guard case .streaming(let reply) = state.completion,
      let index = state.transcript.index(of: reply.replyID)
    else { return }
    state.transcript.modifyMessage(at: index, change)
  }

}
