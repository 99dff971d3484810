import ChatDomain
import Formatting

/// One message of the transcript with its laid-out text.
///
/// Lines of an item, top to bottom: an optional divider (the agent or model changed), the
/// header, a line of web-search and caching figures when the usage reported any, the
/// reasoning toggle (and the reasoning when expanded), the body, one chip per attachment,
/// the Sources list of a reply that cites any (a heading, then one line per source, each
/// followed by its URL when links are shown as text), a status notice for a reply that
/// failed or was stopped, and a blank spacer.
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
  /// The sources under the reply, numbered from 1.
  public private(set) var sources: [SourceLine]
  /// Whether each source gets a second line with its URL (when the terminal cannot make
  /// the source line itself a link).
  var showsSourceURLs = false

  public init(message: Message, otherVariants: [Message] = [], divider: String? = nil) {
    self.message = message
    self.otherVariants = otherVariants
    let all = (otherVariants + [message]).sorted { $0.createdAt < $1.createdAt }
    self.variantCount = all.count
    self.variantNumber = (all.firstIndex { $0.id == message.id } ?? all.count - 1) + 1
    self.divider = divider
    self.sources = Self.sourceLines(message.citations)
  }

  static func sourceLines(_ citations: [Citation]) -> [SourceLine] {
    citations.enumerated().map { SourceLine(number: $0.offset + 1, citation: $0.element) }
  }

  /// Takes the reply's sources again (more arrived while it streamed).
  mutating func refreshSources() {
    sources = Self.sourceLines(message.citations)
  }

  /// The text the body shows: the reply with citation markers once it is complete (the
  /// passages' offsets refer to the whole text).
  var displayedContent: String {
    guard message.role == .assistant, message.status != .streaming else { return message.content }
    return CitationMarkers.insert(into: message.content, citations: message.citations)
  }

  public var hasReasoning: Bool { !(message.reasoning ?? "").isEmpty }

  /// `2 web searches · 4.4k cached prompt tokens · caching saved $0.0098`: what the usage
  /// says about searching and caching, when it says anything.
  public var usageDetails: String? {
    guard hasUsageDetails, let usage = message.usage else { return nil }
    var parts: [String] = []
    if let searches = usage.webSearches, searches > 0 {
      parts.append("\(searches) web search\(searches == 1 ? "" : "es")")
    }
    if usage.cachedTokens > 0 {
      parts.append("\(Format.tokens(usage.cachedTokens)) cached prompt tokens")
    }
    if let saved = usage.cacheSavings, saved != 0 {
      parts.append(
        saved > 0
          ? "caching saved \(Format.cost(saved))" : "writing the cache cost \(Format.cost(-saved))")
    }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// Whether `usageDetails` has anything to say, without building its text: asked for every
  /// visible row of every frame.
  var hasUsageDetails: Bool {
    guard message.role == .assistant, let usage = message.usage else { return false }
    return (usage.webSearches ?? 0) > 0 || usage.cachedTokens > 0
      || (usage.cacheSavings.map { $0 != 0 } ?? false)
  }

  /// Lays the item out at `width` (no work when it already is).
  mutating func layOut(width: Int) {
    if body == nil {
      let format: MessageLayout.Format =
        message.role == .assistant
        ? .markdown(textRole: .transcriptBody) : .plain(.transcriptUser)
      body = MessageLayout(displayedContent, format: format, width: width)
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
    // In place: a copy of the whole reasoning per token would grow with its length.
    if message.reasoning == nil {
      message.reasoning = delta
    } else {
      message.reasoning?.append(delta)
    }
    reasoning?.append(delta)
  }

  /// Whether a status notice line follows the body (without building its text).
  var hasNotice: Bool {
    switch message.status {
    case .error, .cancelled, .interrupted: return true
    case .complete, .streaming: return false
    }
  }

  /// The status notice line that follows the body, if any.
  var notice: String? {
    switch message.status {
    case .error: return "⚠ " + (message.error ?? "the reply failed")
    case .cancelled: return "⏹ stopped" + (message.content.isEmpty ? "" : " (partial reply kept)")
    case .interrupted: return "⚠ interrupted: orchat stopped while this reply streamed"
    case .complete, .streaming: return nil
    }
  }

  /// Lines the Sources list takes: none without sources, else the heading and one or two
  /// per source.
  var sourcesLineCount: Int {
    sources.isEmpty ? 0 : 1 + sources.count * (showsSourceURLs ? 2 : 1)
  }

  /// Lines the item takes; valid once laid out.
  var lineCount: Int {
    var count = 2  // header and spacer
    if divider != nil { count += 1 }
    if hasUsageDetails { count += 1 }
    if hasReasoning { count += 1 + (isReasoningExpanded ? reasoning?.lines.count ?? 0 : 0) }
    count += body?.lines.count ?? 0
    count += message.attachments.count
    count += sourcesLineCount
    if hasNotice { count += 1 }
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
    if hasUsageDetails {
      if index == 0 { return .usageDetails(usageDetails ?? "") }
      index -= 1
    }
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
    if !sources.isEmpty {
      if index == 0 { return .sourcesHeading }
      index -= 1
      let perSource = showsSourceURLs ? 2 : 1
      if index < sources.count * perSource {
        let source = index / perSource
        return index % perSource == 0 ? .source(source) : .sourceURL(source)
      }
      index -= sources.count * perSource
    }
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
  /// Web searches and caching figures of a reply, under its header.
  case usageDetails(String)
  case reasoningToggle
  case reasoning(StyledLine)
  case body(StyledLine)
  /// Attachment `n` of the message, as a chip.
  case attachment(Int)
  /// The `Sources` heading under a reply that cites any.
  case sourcesHeading
  /// Source `index` (0-based) of the item's `sources`.
  case source(Int)
  /// The URL of source `index`, on a line of its own (links shown as text).
  case sourceURL(Int)
  case notice(String)
  case blank
}
