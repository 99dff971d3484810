import ChatDomain
import Formatting

/// The laid-out body of one chat message: untrusted text in, styled lines at a width out,
/// built incrementally while the message streams.
///
/// The pipeline is sanitise (`TextSanitizer`, stateful, so an escape sequence split
/// between two deltas is still removed) → markdown blocks (`MarkdownDocument`) or plain
/// paragraphs (`TextLayout`) → lines at `width`. Appending a token costs the token, the
/// open block and its lines; nothing proportional to earlier content.
///
/// **Invariants:** the layout describes the first `sourceUTF8Count` bytes of the message
/// text, fed through `revision` calls to `append`, laid out at `width`; `(revision, width)`
/// is the cache key a transcript compares. `stableLines` are the lines of
/// `markdown.closedBlocks[0..<renderedBlockCount]` at `width`, and `renderedBlockCount`
/// catches up with the closed blocks on every append; `openLines` are the lines of
/// `markdown.openBlocks`. Exactly one of `markdown` and `plain` is non-nil. A new width
/// re-renders the cached blocks (no re-parse).
public struct MessageLayout: Sendable {
  /// How a message's text is interpreted.
  public enum Format: Sendable, Hashable {
    /// Markdown, with prose in `textRole` (assistant replies).
    case markdown(textRole: StyleRole)
    /// Plain text in one role, wrapped but otherwise shown as typed (user messages,
    /// errors).
    case plain(StyleRole)
  }

  public let format: Format
  public private(set) var width: Int
  /// How many times `append` changed the layout.
  public private(set) var revision = 0
  /// UTF-8 bytes of (unsanitised) message text consumed so far.
  public private(set) var sourceUTF8Count = 0

  private var sanitizer = TextSanitizer()
  private var markdown: MarkdownDocument?
  private var plain: TextLayout?
  private var stableLines: [StyledLine] = []
  private var renderedBlockCount = 0
  private var openLines: [StyledLine] = []

  /// A layout of `text` (more may be appended) at `width` columns.
  public init(
    _ text: String = "", format: Format = .markdown(textRole: .transcriptBody), width: Int
  ) {
    self.format = format
    self.width = max(1, width)
    switch format {
    case .markdown(let textRole): markdown = MarkdownDocument(textRole: textRole)
    case .plain: plain = TextLayout(width: self.width)
    }
    append(text)
  }

  /// The lines to draw, at least one for a non-empty message.
  public var lines: StyledLines {
    if let plain { return plain.lines }
    return StyledLines(stable: stableLines, open: openLines)
  }

  /// How many leading lines will not change when more text is appended.
  public var stableLineCount: Int { plain?.stableLineCount ?? stableLines.count }

  /// The raw source of code block `number` (1-based) for copying; nil for plain messages
  /// and numbers not (yet) in the message.
  public func codeBlock(_ number: Int) -> CodeBlockSource? {
    markdown?.codeBlock(number)
  }

  /// How many code blocks the message has so far.
  public var codeBlockCount: Int { markdown?.codeBlockCount ?? 0 }

  /// Appends a delta of message text (untrusted: it is sanitised here).
  public mutating func append(_ delta: String) {
    guard !delta.isEmpty else { return }
    sourceUTF8Count += delta.utf8.count
    revision += 1
    let clean = sanitizer.feed(delta)
    if case .plain(let role) = format {
      plain?.append(clean, role: role)
      return
    }
    markdown?.append(clean)
    renderClosedBlocks()
    openLines = MarkdownRenderer.render(markdown?.openBlocks ?? [], width: width)
  }

  /// Marks the text complete (the message stopped streaming): a code block left open gets
  /// its footer. A new revision, so caches keyed by it refresh.
  public mutating func complete() {
    guard let markdown, !markdown.isComplete else { return }
    self.markdown?.complete()
    revision += 1
    openLines = MarkdownRenderer.render(self.markdown?.openBlocks ?? [], width: width)
  }

  /// Re-lays the message out at a new width; no work when the width is unchanged.
  public mutating func resize(to newWidth: Int) {
    let newWidth = max(1, newWidth)
    guard newWidth != width else { return }
    width = newWidth
    plain?.resize(to: newWidth)
    guard let markdown else { return }
    stableLines = MarkdownRenderer.render(markdown.closedBlocks, width: width)
    renderedBlockCount = markdown.closedBlocks.count
    openLines = MarkdownRenderer.render(markdown.openBlocks, width: width)
  }

  private mutating func renderClosedBlocks() {
    guard let closed = markdown?.closedBlocks, closed.count > renderedBlockCount else { return }
    for block in closed[renderedBlockCount...] {
      MarkdownRenderer.render(block, width: width, into: &stableLines)
    }
    renderedBlockCount = closed.count
  }
}

extension MessageLayout: Equatable {
  /// Two layouts are equal when they consumed the same amount of text through the same
  /// format and show the same lines at the same width.
  public static func == (lhs: MessageLayout, rhs: MessageLayout) -> Bool {
    lhs.format == rhs.format && lhs.width == rhs.width
      && lhs.sourceUTF8Count == rhs.sourceUTF8Count && lhs.lines == rhs.lines
  }
}
