import ChatDomain

/// One laid-out line: what a view draws in one row.
///
/// Prose lines (`.text`) are already wrapped: `width` never exceeds the width they were
/// laid out for, unless a single glyph is wider than that width. Code lines are never
/// wrapped; the view boxes them and clips what does not fit (see `StyledLinesView`).
public struct StyledLine: Sendable, Hashable {
  /// What the line is, so a view can draw code blocks as boxes.
  public enum Kind: Sendable, Hashable {
    /// Prose, a heading, a list item, a rule or a table row.
    case text
    /// The top edge of a code block, labelled with its language (may be empty) and its
    /// number within the message (1-based, the N of "copy block N").
    case codeHeader(language: String, block: Int)
    /// One source line of code block `block`, tabs expanded, never wrapped.
    case code(block: Int)
    /// The bottom edge of a code block.
    case codeFooter(block: Int)
  }

  public var kind: Kind
  /// Drawn before the content, e.g. quote bars, list indentation or a code box's margin.
  public var prefix: [StyledSpan]
  public var spans: [StyledSpan]
  /// Display columns of `prefix` plus `spans`.
  public var width: Int

  public init(kind: Kind = .text, prefix: [StyledSpan] = [], spans: [StyledSpan], width: Int) {
    self.kind = kind
    self.prefix = prefix
    self.spans = spans
    self.width = width
  }

  /// A line measured from its spans.
  public init(kind: Kind = .text, prefix: [StyledSpan] = [], spans: [StyledSpan]) {
    self.init(
      kind: kind, prefix: prefix, spans: spans, width: prefix.displayWidth + spans.displayWidth)
  }

  /// An empty prose line.
  public static let blank = StyledLine(spans: [], width: 0)

  /// The code block this line belongs to, if any.
  public var codeBlock: Int? {
    switch kind {
    case .text: nil
    case .codeHeader(_, let block), .code(let block), .codeFooter(let block): block
    }
  }

  /// The plain text of prefix and content, styles dropped (for tests and search).
  public var plainText: String { prefix.plainText + spans.plainText }
}
