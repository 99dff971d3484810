import ChatDomain

/// One message of the transcript with its laid-out text.
///
/// Lines of an item, top to bottom: an optional divider (the agent or model changed), the
/// header, the reasoning toggle (and the reasoning when expanded), the body, a status notice
/// for a reply that failed or was stopped, and a blank spacer.
///
/// **Invariants:** `body` and `reasoning`, when present, describe `message.content` and
/// `message.reasoning` in full; they are laid out lazily, at the transcript's width, by
/// `TranscriptState`.
public struct TranscriptItem: Sendable {
  public var message: Message
  /// 1-based number of this variant among the replies at its position.
  public var variantNumber: Int
  public var variantCount: Int
  /// The other replies at this position, oldest first (for switching variants).
  public var otherVariants: [Message]
  /// The divider text shown above the item, when the agent or model changed.
  public var divider: String?
  public var isReasoningExpanded = false
  var body: MessageLayout?
  var reasoning: MessageLayout?

  public init(message: Message, otherVariants: [Message] = [], divider: String? = nil) {
    self.message = message
    self.otherVariants = otherVariants
    let all = (otherVariants + [message]).sorted { $0.createdAt < $1.createdAt }
    self.variantCount = all.count
    self.variantNumber = (all.firstIndex { $0.id == message.id } ?? all.count - 1) + 1
    self.divider = divider
  }

  public var hasReasoning: Bool { !(message.reasoning ?? "").isEmpty }

  /// Lays the item out at `width` (no work when it already is).
  mutating func layOut(width: Int) {
    if body == nil {
      let format: MessageLayout.Format =
        message.role == .assistant
        ? .markdown(textRole: .transcriptBody) : .plain(.transcriptUser)
      body = MessageLayout(message.content, format: format, width: width)
      if message.status != .streaming { body?.complete() }
    } else {
      body?.resize(to: width)
    }
    if hasReasoning {
      if reasoning == nil {
        reasoning = MessageLayout(
          message.reasoning ?? "", format: .plain(.transcriptReasoning), width: width)
      } else {
        reasoning?.resize(to: width)
      }
    }
  }

  /// Appends streamed reply text; costs the delta, not the message.
  mutating func appendContent(_ delta: String) {
    message.content += delta
    body?.append(delta)
  }

  mutating func appendReasoning(_ delta: String) {
    message.reasoning = (message.reasoning ?? "") + delta
    reasoning?.append(delta)
  }

  /// Whether a status notice line follows the body.
  var notice: String? {
    switch message.status {
    case .error: return "⚠ " + (message.error ?? "the reply failed")
    case .cancelled: return "⏹ stopped" + (message.content.isEmpty ? "" : " (partial reply kept)")
    case .interrupted: return "⚠ interrupted: orchat stopped while this reply streamed"
    case .complete, .streaming: return nil
    }
  }

  /// Lines the item takes; valid once laid out.
  var lineCount: Int {
    var count = 2  // header and spacer
    if divider != nil { count += 1 }
    if hasReasoning { count += 1 + (isReasoningExpanded ? reasoning?.lines.count ?? 0 : 0) }
    count += body?.lines.count ?? 0
    count += message.attachments.count
    if notice != nil { count += 1 }
    return count
  }

  /// Line `index` of the item.
  func line(_ index: Int) -> TranscriptLine {
    var index = index
    if let divider {
      if index == 0 { return .divider(divider) }
      index -= 1
    }
    if index == 0 { return .header }
    index -= 1
    if hasReasoning {
      if index == 0 { return .reasoningToggle }
      index -= 1
      if isReasoningExpanded, let reasoning {
        if index < reasoning.lines.count { return .reasoning(reasoning.lines[index]) }
        index -= reasoning.lines.count
      }
    }
    if let body {
      if index < body.lines.count { return .body(body.lines[index]) }
      index -= body.lines.count
    }
    if index < message.attachments.count { return .attachment(index) }
    index -= message.attachments.count
    if let notice {
      if index == 0 { return .notice(notice) }
    }
    return .blank
  }

  /// The raw markdown source of code block `number`, for copying.
  public func codeBlock(_ number: Int) -> String? {
    body?.codeBlock(number)?.text
  }
}

/// One row of the transcript, as the view draws it.
public enum TranscriptLine: Sendable {
  case divider(String)
  /// The message's header (drawn from the item: role, model, time, tokens, cost).
  case header
  case reasoningToggle
  case reasoning(StyledLine)
  case body(StyledLine)
  /// Attachment `n` of the message, as a chip.
  case attachment(Int)
  case notice(String)
  case blank
}
