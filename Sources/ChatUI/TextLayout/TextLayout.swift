import ChatDomain

/// Plain styled text wrapped to a width, built incrementally as text is appended.
///
/// A paragraph is the text between two newlines. Appending re-wraps only the open (last)
/// paragraph; the lines of closed paragraphs are wrapped once and kept. The result always
/// equals wrapping the whole text at once with `LineWrapper`.
///
/// **Invariants:** `stableLines` are the wrapped lines, at `width`, of every paragraph
/// before the last newline, and `closedParagraphs` holds their spans so a new width can
/// re-wrap them; `openParagraph` holds the spans after the last newline and `openLines`
/// their wrapped lines. `resize(to:)` with a different width rebuilds both line caches.
public struct TextLayout: Sendable, Equatable {
  public private(set) var width: Int
  private var closedParagraphs: [[StyledSpan]] = []
  private var stableLines: [StyledLine] = []
  private var openParagraph: [StyledSpan] = []
  private var openLines: [StyledLine]

  /// An empty layout: one blank line, the open paragraph.
  public init(width: Int) {
    self.width = width
    openLines = LineWrapper(width: width).wrap([])
  }

  /// A layout of `text` in `role`.
  public init(_ text: String, role: StyleRole, width: Int) {
    self.init(width: width)
    append(text, role: role)
  }

  /// The laid-out lines; there is always at least one.
  public var lines: StyledLines { StyledLines(stable: stableLines, open: openLines) }

  /// How many lines belong to closed paragraphs and will not change on append.
  public var stableLineCount: Int { stableLines.count }

  /// Appends text. Costs O(length of `text` plus the open paragraph), independent of
  /// how much text came before.
  public mutating func append(_ text: String, role: StyleRole) {
    guard !text.isEmpty else { return }
    let wrapper = LineWrapper(width: width)
    var pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
    let last = pieces.removeLast()
    for piece in pieces {
      openParagraph.append(piece, role: role)
      wrapper.wrap(openParagraph, into: &stableLines)
      closedParagraphs.append(openParagraph)
      openParagraph = []
    }
    openParagraph.append(last, role: role)
    openLines = wrapper.wrap(openParagraph)
  }

  /// Re-wraps everything for a new width (no work when the width is unchanged).
  public mutating func resize(to newWidth: Int) {
    guard newWidth != width else { return }
    width = newWidth
    let wrapper = LineWrapper(width: width)
    stableLines = []
    for paragraph in closedParagraphs { wrapper.wrap(paragraph, into: &stableLines) }
    openLines = wrapper.wrap(openParagraph)
  }
}
