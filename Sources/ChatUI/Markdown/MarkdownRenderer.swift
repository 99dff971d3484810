import ChatDomain

/// Lays markdown blocks out at a width: prose is wrapped, code blocks become
/// header/code/footer lines for a view to box, rules span the width and tables are sized
/// to fit.
///
/// A pure function of the block and the width, which is what lets callers cache the lines
/// of closed blocks.
public enum MarkdownRenderer {
  /// The lines of `blocks` at `width`.
  public static func render(_ blocks: some Sequence<MarkdownBlock>, width: Int) -> [StyledLine] {
    var lines: [StyledLine] = []
    for block in blocks { render(block, width: width, into: &lines) }
    return lines
  }

  /// Appends the lines of one block at `width`.
  public static func render(_ block: MarkdownBlock, width: Int, into lines: inout [StyledLine]) {
    let wrapper = LineWrapper(
      width: width, firstPrefix: block.firstPrefix, restPrefix: block.restPrefix)
    switch block.content {
    case .paragraph(let spans), .heading(_, let spans):
      wrapper.wrap(spans, into: &lines)
    case .blank:
      lines.append(StyledLine(prefix: block.firstPrefix, spans: []))
    case .rule:
      let prefixWidth = block.firstPrefix.displayWidth
      let rule = String(repeating: "─", count: max(1, width - prefixWidth))
      lines.append(
        StyledLine(prefix: block.firstPrefix, spans: [StyledSpan(rule, role: .markdownRule)]))
    case .codeHeader(let language, let number):
      lines.append(
        StyledLine(
          kind: .codeHeader(language: language, block: number), prefix: block.firstPrefix,
          spans: [], width: width))
    case .codeLine(let spans, let number):
      lines.append(
        StyledLine(
          kind: .code(block: number), prefix: block.firstPrefix,
          spans: LineWrapper.expandingTabs(spans)))
    case .codeFooter(let number):
      lines.append(
        StyledLine(
          kind: .codeFooter(block: number), prefix: block.firstPrefix, spans: [], width: width))
    case .table(let table):
      renderTable(table, block: block, width: width, into: &lines)
    }
  }
}
