import ChatDomain

extension MarkdownBlockParser {
  /// Closes the list items that a line at `indent` is not inside. Returns the closed level
  /// that a new item `marker` continues (same kind, at that level's marker column), so its
  /// numbering carries on.
  mutating func leaveLists(at indent: Int, marker: MarkdownSyntax.ListMarker?) -> ListLevel? {
    while let innermost = lists.last, indent < innermost.contentIndent {
      lists.removeLast()
      if let marker, indent >= innermost.markerIndent, marker.isOrdered == innermost.isOrdered,
        marker.symbol == innermost.symbol
      {
        return innermost
      }
    }
    return nil
  }

  /// Opens a list item and parses the rest of its first line as the item's first block.
  mutating func startItem(
    _ marker: MarkdownSyntax.ListMarker, indent: Int, continuing sibling: ListLevel?,
    into blocks: inout [MarkdownBlock]
  ) {
    let number = sibling?.nextNumber ?? marker.number
    let text = marker.isOrdered ? "\(number)\(marker.symbol)" : Self.bullet(depth: lists.count)
    lists.append(
      ListLevel(
        markerIndent: indent, contentIndent: indent + marker.contentOffset,
        isOrdered: marker.isOrdered, symbol: marker.symbol, nextNumber: number + 1,
        displayWidth: text.count + 1))
    pendingMarker = [StyledSpan(text, role: .markdownListMarker), StyledSpan(" ", role: textRole)]
    consumeBlockStart(marker.rest, indent: indent + marker.contentOffset, into: &blocks)
  }

  /// Bullets change with nesting so levels stay apart even without colour.
  static func bullet(depth: Int) -> String {
    ["•", "◦", "▪"][depth % 3]
  }
}
