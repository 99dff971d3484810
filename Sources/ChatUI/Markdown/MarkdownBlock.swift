import ChatDomain

/// One width-independent unit of rendered markdown: what the block parser emits and the
/// renderer lays out at a width.
///
/// Blocks are small on purpose: a code block is a header, one block per source line and a
/// footer, so a streaming code block never re-renders its earlier lines.
public struct MarkdownBlock: Sendable, Hashable {
  public enum Content: Sendable, Hashable {
    /// Inline-styled text; a `"\n"` in it is a line break.
    case paragraph([StyledSpan])
    case heading(level: Int, [StyledSpan])
    /// The opening fence of code block `block` (numbered from 1 within a message).
    case codeHeader(language: String, block: Int)
    /// One highlighted source line of code block `block`, tabs not yet expanded.
    case codeLine([StyledSpan], block: Int)
    case codeFooter(block: Int)
    case rule
    case table(MarkdownTable)
    /// One blank line (runs of blank source lines collapse to one).
    case blank
  }

  public var content: Content
  /// Drawn before the first line: quote bars, list indentation and the item's marker.
  public var firstPrefix: [StyledSpan]
  /// Drawn before every later line: quote bars and list indentation.
  public var restPrefix: [StyledSpan]

  public init(_ content: Content, firstPrefix: [StyledSpan] = [], restPrefix: [StyledSpan] = []) {
    self.content = content
    self.firstPrefix = firstPrefix
    self.restPrefix = restPrefix
  }
}
