import ChatDomain

extension MarkdownRenderer {
  private static let columnSeparator = " │ "
  private static let minimumColumnWidth = 3

  /// Lays a table out: columns at their natural widths when they fit, otherwise the widest
  /// columns shrink (to at least `minimumColumnWidth`) and their cells wrap. A header
  /// underline separates header and body.
  static func renderTable(
    _ table: MarkdownTable, block: MarkdownBlock, width: Int, into lines: inout [StyledLine]
  ) {
    let columnCount = max(1, table.header.count)
    let rows = [table.header] + table.rows
    var widths = Array(repeating: 1, count: columnCount)
    for row in rows {
      for (column, cell) in row.prefix(columnCount).enumerated() {
        widths[column] = max(widths[column], cell.displayWidth)
      }
    }
    let separators = columnSeparator.count * (columnCount - 1)
    let budget = width - block.restPrefix.displayWidth - separators
    shrink(&widths, toFit: budget)

    var isFirst = true
    func append(_ spans: [StyledSpan]) {
      lines.append(StyledLine(prefix: isFirst ? block.firstPrefix : block.restPrefix, spans: spans))
      isFirst = false
    }
    for (index, row) in rows.enumerated() {
      for spans in rowLines(row, widths: widths, alignments: table.alignments) { append(spans) }
      if index == 0 {
        var rule: [StyledSpan] = []
        for (column, columnWidth) in widths.enumerated() {
          if column > 0 { rule.append("─┼─", role: .markdownTableBorder) }
          rule.append(String(repeating: "─", count: columnWidth), role: .markdownTableBorder)
        }
        append(rule)
      }
    }
  }

  /// Narrows the widest column one column at a time until the total fits `budget`.
  private static func shrink(_ widths: inout [Int], toFit budget: Int) {
    var total = widths.reduce(0, +)
    while total > budget {
      guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
        widths[widest] > minimumColumnWidth
      else { return }
      widths[widest] -= 1
      total -= 1
    }
  }

  /// The physical lines of one table row: each cell wrapped to its column, padded by its
  /// alignment, cells joined by separators.
  private static func rowLines(
    _ row: [[StyledSpan]], widths: [Int], alignments: [MarkdownTable.Alignment]
  ) -> [[StyledSpan]] {
    let cells = widths.indices.map { column in
      column < row.count
        ? LineWrapper(width: widths[column]).wrap(row[column]) : [StyledLine.blank]
    }
    let height = cells.map(\.count).max() ?? 1
    return (0..<height).map { lineIndex in
      var spans: [StyledSpan] = []
      for (column, cellLines) in cells.enumerated() {
        if column > 0 { spans.append(columnSeparator, role: .markdownTableBorder) }
        let line = lineIndex < cellLines.count ? cellLines[lineIndex] : StyledLine.blank
        let padding = max(0, widths[column] - line.width)
        let alignment = column < alignments.count ? alignments[column] : .left
        let isLast = column == cells.count - 1
        let (left, right) =
          switch alignment {
          case .left: (0, isLast ? 0 : padding)
          case .right: (padding, 0)
          case .center: (padding / 2, isLast ? 0 : padding - padding / 2)
          }
        spans.append(String(repeating: " ", count: left), role: .markdownTableBorder)
        for span in line.spans { spans.append(span.text, role: span.role) }
        spans.append(String(repeating: " ", count: right), role: .markdownTableBorder)
      }
      return spans
    }
  }
}
