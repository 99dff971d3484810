import ChatDomain

/// A line-at-a-time markdown block parser that emits `MarkdownBlock`s as soon as they can
/// no longer change.
///
/// Feed complete source lines with `consume(_:into:)`; blocks that a line closes are
/// appended to the output. `finish(into:)` flushes whatever is still open (an open
/// paragraph, table or code fence, whose box is closed). To preview a half-received line,
/// consume and finish on a *copy*: the copy costs only the open block, and the original
/// parses on exactly as if the preview never happened.
///
/// Supported: ATX headings, paragraphs (source line breaks are kept), fenced code (``` and
/// ~~~, also inside list items and quotes) with numbered blocks and highlighting, bullet and
/// ordered lists with nesting, block quotes (nested, lazy continuation), thematic breaks and
/// GitHub tables. Setext headings, indented code and HTML blocks render as paragraphs.
///
/// **Invariants:** at most one of `paragraph`, `fence` and `table` is open; `lists` holds
/// the list items the last line was inside, innermost last, all within the current
/// `quoteDepth`; `pendingMarker` is the marker of a list item whose first block has not been
/// opened yet; `lastWasBlank` is true before any block and after a `.blank`, so blank runs
/// collapse and a message never starts with one.
struct MarkdownBlockParser: Sendable {
  struct ListLevel: Sendable {
    var markerIndent: Int
    var contentIndent: Int
    var isOrdered: Bool
    var symbol: Character
    var nextNumber: Int
    /// Columns the rendered marker and its space take, the item's hanging indent.
    var displayWidth: Int
  }

  struct OpenParagraph: Sendable {
    var lines: [Substring]
    var style: InlineStyle
    var firstPrefix: [StyledSpan]
    var restPrefix: [StyledSpan]
  }

  struct OpenFence: Sendable {
    var syntax: MarkdownSyntax.Fence
    var indent: Int
    var quoteDepth: Int
    var block: Int
    var highlighter: SyntaxHighlighter
    var prefix: [StyledSpan]
  }

  struct OpenTable: Sendable {
    var table: MarkdownTable
    var style: InlineStyle
    var firstPrefix: [StyledSpan]
    var restPrefix: [StyledSpan]
  }

  /// The role of body text and of list indentation.
  let textRole: StyleRole

  var paragraph: OpenParagraph?
  var fence: OpenFence?
  var table: OpenTable?
  var quoteDepth = 0
  var lists: [ListLevel] = []
  var pendingMarker: [StyledSpan]?
  var lastWasBlank = true
  /// Code blocks opened so far; the next one gets this plus one.
  var codeBlockCount = 0

  init(textRole: StyleRole) {
    self.textRole = textRole
  }

  /// Parses one complete source line (without its newline).
  mutating func consume(_ line: Substring, into blocks: inout [MarkdownBlock]) {
    if fence != nil, consumeFenced(line, into: &blocks) { return }
    let (depth, content) = MarkdownSyntax.stripQuotes(line)
    if MarkdownSyntax.isBlank(content) {
      closeLeaf(into: &blocks)
      if depth != quoteDepth { enterQuote(depth) }
      emitBlank(into: &blocks)
      return
    }
    let (indent, body) = MarkdownSyntax.indentation(of: content)
    if table != nil, depth == quoteDepth, body.utf8.contains(UInt8(ascii: "|")) {
      addTableRow(body)
      return
    }
    if paragraph != nil, depth <= quoteDepth, let alignments = delimiterRow(body) {
      startTable(alignments: alignments, into: &blocks)
      return
    }
    let marker = MarkdownSyntax.isRule(body) ? nil : MarkdownSyntax.listMarker(body)
    if paragraph != nil, depth <= quoteDepth, !startsBlock(body, marker: marker) {
      paragraph?.lines.append(body)  // a continuation line, possibly lazy
      return
    }
    closeLeaf(into: &blocks)
    if depth != quoteDepth { enterQuote(depth) }
    let sibling = leaveLists(at: indent, marker: marker)
    if let marker {
      startItem(marker, indent: indent, continuing: sibling, into: &blocks)
    } else {
      consumeBlockStart(body, indent: indent, into: &blocks)
    }
  }

  /// Emits every block still open, as if the text ended here. A code block without its
  /// closing fence gets a footer only when `closesFence` (the text is complete): while a
  /// reply streams, a footer would move down a row with every code line, redrawing a row of
  /// border on the terminal each time.
  mutating func finish(into blocks: inout [MarkdownBlock], closesFence: Bool = true) {
    closeLeaf(into: &blocks)
    if let open = fence {
      if closesFence {
        blocks.append(MarkdownBlock(.codeFooter(block: open.block), firstPrefix: open.prefix))
      }
      fence = nil
    }
  }

  // MARK: - Leaves

  /// Starts a heading, fence, rule or paragraph with `body`, the line after quote markers,
  /// list markers and indentation.
  mutating func consumeBlockStart(
    _ body: Substring, indent: Int, into blocks: inout [MarkdownBlock]
  ) {
    if let syntax = MarkdownSyntax.openingFence(body) {
      openFence(syntax, indent: indent, into: &blocks)
    } else if let (level, text) = MarkdownSyntax.heading(body) {
      let (first, rest) = takePrefixes()
      let spans = InlineMarkdown.spans(String(text), style: .uniform(.markdownHeading))
      emit(
        MarkdownBlock(.heading(level: level, spans), firstPrefix: first, restPrefix: rest),
        into: &blocks)
    } else if MarkdownSyntax.isRule(body) {
      let (first, rest) = takePrefixes()
      emit(MarkdownBlock(.rule, firstPrefix: first, restPrefix: rest), into: &blocks)
    } else {
      let (first, rest) = takePrefixes()
      paragraph = OpenParagraph(
        lines: body.isEmpty ? [] : [body], style: proseStyle, firstPrefix: first,
        restPrefix: rest)
    }
  }

  /// Closes the open paragraph or table, emitting it.
  mutating func closeLeaf(into blocks: inout [MarkdownBlock]) {
    if let open = paragraph {
      paragraph = nil
      let spans = InlineMarkdown.spans(open.lines.joined(separator: "\n"), style: open.style)
      emit(
        MarkdownBlock(
          .paragraph(spans), firstPrefix: open.firstPrefix, restPrefix: open.restPrefix),
        into: &blocks)
    }
    if let open = table {
      table = nil
      emit(
        MarkdownBlock(
          .table(open.table), firstPrefix: open.firstPrefix, restPrefix: open.restPrefix),
        into: &blocks)
    }
  }

  mutating func emit(_ block: MarkdownBlock, into blocks: inout [MarkdownBlock]) {
    blocks.append(block)
    lastWasBlank = false
  }

  private mutating func emitBlank(into blocks: inout [MarkdownBlock]) {
    guard !lastWasBlank else { return }
    let bars = quoteBars
    blocks.append(MarkdownBlock(.blank, firstPrefix: bars, restPrefix: bars))
    lastWasBlank = true
  }

  /// Whether `body` starts a block that interrupts an open paragraph.
  private func startsBlock(_ body: Substring, marker: MarkdownSyntax.ListMarker?) -> Bool {
    if let marker {
      // An ordered item interrupts prose only when it starts at 1 or continues a list,
      // so a line like "2024. was a good year" stays in its paragraph.
      return !marker.isOrdered || marker.number == 1 || !lists.isEmpty
    }
    return MarkdownSyntax.openingFence(body) != nil || MarkdownSyntax.heading(body) != nil
      || MarkdownSyntax.isRule(body)
  }

  private mutating func enterQuote(_ depth: Int) {
    quoteDepth = depth
    lists = []
    pendingMarker = nil
  }

  private var proseStyle: InlineStyle {
    .prose(quoteDepth > 0 ? .markdownQuote : textRole)
  }

  var quoteBars: [StyledSpan] {
    quoteDepth == 0
      ? [] : [StyledSpan(String(repeating: "│ ", count: quoteDepth), role: .markdownQuote)]
  }

  /// The prefixes for a block opened now: quote bars, the indentation of enclosing list
  /// items, and the pending item marker on the first line.
  mutating func takePrefixes() -> (first: [StyledSpan], rest: [StyledSpan]) {
    var rest = quoteBars
    let indentation = lists.reduce(0) { $0 + $1.displayWidth }
    rest.append(String(repeating: " ", count: indentation), role: textRole)
    guard let marker = pendingMarker, let innermost = lists.last else { return (rest, rest) }
    pendingMarker = nil
    var first = quoteBars
    first.append(
      String(repeating: " ", count: indentation - innermost.displayWidth), role: textRole)
    for span in marker { first.append(span.text, role: span.role) }
    return (first, rest)
  }
}
