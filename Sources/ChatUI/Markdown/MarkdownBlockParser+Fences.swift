import ChatDomain

extension MarkdownBlockParser {
  /// Opens code block number `codeBlockCount + 1` at the current prefixes. A fence that is
  /// the first thing in a list item puts the item's marker on a line of its own, above
  /// the box.
  mutating func openFence(
    _ syntax: MarkdownSyntax.Fence, indent: Int, into blocks: inout [MarkdownBlock]
  ) {
    if pendingMarker != nil {
      let (first, rest) = takePrefixes()
      emit(MarkdownBlock(.paragraph([]), firstPrefix: first, restPrefix: rest), into: &blocks)
    }
    codeBlockCount += 1
    var prefix = takePrefixes().rest
    prefix.append("  ", role: textRole)
    let language = String(syntax.info.prefix(while: { $0 != " " && $0 != "\t" }))
    fence = OpenFence(
      syntax: syntax, indent: indent, quoteDepth: quoteDepth, block: codeBlockCount,
      highlighter: SyntaxHighlighter(language: CodeLanguage.named(language)), prefix: prefix)
    emit(
      MarkdownBlock(.codeHeader(language: language, block: codeBlockCount), firstPrefix: prefix),
      into: &blocks)
  }

  /// Handles a line while a fence is open: a code line or the closing fence. Returns false
  /// when the line leaves the fence's block quote, which closes the fence; the caller then
  /// parses the line afresh.
  mutating func consumeFenced(_ line: Substring, into blocks: inout [MarkdownBlock]) -> Bool {
    guard let open = fence else { return false }
    let (depth, content) = MarkdownSyntax.stripQuotes(line, limit: open.quoteDepth)
    let footer = MarkdownBlock(.codeFooter(block: open.block), firstPrefix: open.prefix)
    if depth < open.quoteDepth {
      fence = nil
      emit(footer, into: &blocks)
      return false
    }
    if MarkdownSyntax.isClosingFence(MarkdownSyntax.indentation(of: content).rest, for: open.syntax)
    {
      fence = nil
      emit(footer, into: &blocks)
      return true
    }
    let code = MarkdownSyntax.dropIndentation(content, columns: open.indent)
    let spans = fence?.highlighter.highlight(String(code)) ?? []
    emit(
      MarkdownBlock(.codeLine(spans, block: open.block), firstPrefix: open.prefix), into: &blocks)
    return true
  }
}
