import ChatDomain

extension MarkdownBlockParser {
  /// The alignments when `body` is a delimiter row under a table header: the open
  /// paragraph's last line has pipes and as many cells as the row.
  func delimiterRow(_ body: Substring) -> [MarkdownTable.Alignment]? {
    guard let header = paragraph?.lines.last, header.utf8.contains(UInt8(ascii: "|")),
      let alignments = MarkdownSyntax.tableDelimiterRow(body),
      MarkdownSyntax.tableCells(header).count == alignments.count
    else { return nil }
    return alignments
  }

  /// Turns the open paragraph's last line into a table header; lines before it stay a
  /// paragraph.
  mutating func startTable(
    alignments: [MarkdownTable.Alignment], into blocks: inout [MarkdownBlock]
  ) {
    guard var open = paragraph, let header = open.lines.popLast() else { return }
    paragraph = nil
    var firstPrefix = open.firstPrefix
    if !open.lines.isEmpty {
      let spans = InlineMarkdown.spans(open.lines.joined(separator: "\n"), style: open.style)
      emit(
        MarkdownBlock(
          .paragraph(spans), firstPrefix: open.firstPrefix, restPrefix: open.restPrefix),
        into: &blocks)
      firstPrefix = open.restPrefix
    }
    let headerStyle = InlineStyle.uniform(.markdownTableHeader)
    let cells = MarkdownSyntax.tableCells(header).map {
      InlineMarkdown.spans(String($0), style: headerStyle)
    }
    table = OpenTable(
      table: MarkdownTable(header: cells, alignments: alignments), style: open.style,
      firstPrefix: firstPrefix, restPrefix: open.restPrefix)
  }

  mutating func addTableRow(_ body: Substring) {
    guard let style = table?.style else { return }
    let cells = MarkdownSyntax.tableCells(body).map {
      InlineMarkdown.spans(String($0), style: style)
    }
    table?.table.rows.append(cells)
  }
}
