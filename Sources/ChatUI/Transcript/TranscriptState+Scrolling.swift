extension TranscriptState {
  /// Scrolls by `lines` (negative: up, towards older messages). Reaching the end returns to
  /// following the tail.
  public mutating func scroll(by lines: Int) {
    guard !items.isEmpty, lines != 0 else { return }
    var (item, line) = topPosition()
    line += lines
    while line < 0 {
      guard item > 0 else {
        line = 0
        break
      }
      item -= 1
      items[item].layOut(width: width)
      line += items[item].lineCount
    }
    while true {
      items[item].layOut(width: width)
      guard line >= items[item].lineCount, item < items.count - 1 else { break }
      line -= items[item].lineCount
      item += 1
    }
    line = min(line, items[item].lineCount - 1)
    anchor = .pinned(item: item, line: line)
    if rowsBelowTop(item: item, line: line) <= height { followTail() } else { prepare() }
  }

  public mutating func scrollToTop() {
    guard !items.isEmpty else { return }
    anchor = .pinned(item: 0, line: 0)
    if rowsBelowTop(item: 0, line: 0) <= height { followTail() } else { prepare() }
  }

  /// Scrolls so that item `index` starts on the top row (or follows the tail when what is
  /// from there down fits the view).
  public mutating func reveal(_ index: Int) {
    guard items.indices.contains(index) else { return }
    anchor = .pinned(item: index, line: 0)
    if rowsBelowTop(item: index, line: 0) <= height { followTail() } else { prepare() }
  }

  /// Follows the tail again (End, or scrolling to the bottom).
  public mutating func followTail() {
    anchor = .tail
    newLinesBelow = 0
    tailSlack = 0
    prepare()
  }

  /// Following the tail, puts the last line back on the bottom row: the blank rows kept
  /// below a streaming reply (so the view moves by half screens, not by every line) are of
  /// no use once it has finished, and would leave the newest text mid-screen.
  public mutating func settleTail() {
    guard anchor == .tail, tailSlack > 0 else { return }
    tailSlack = 0
    prepare()
  }

  /// The item and line on the top row now. Following the tail, the last line sits
  /// `tailSlack` rows above the bottom.
  func topPosition() -> (item: Int, line: Int) {
    if case .pinned(let item, let line) = anchor { return (item, line) }
    let shown = max(1, height - tailSlack)
    var rows = 0
    var index = items.count - 1
    while index > 0 {
      rows += items[index].lineCount
      if rows >= shown { return (index, rows - shown) }
      index -= 1
    }
    rows += items[0].lineCount
    return (0, max(0, rows - shown))
  }

  /// Lines from (`item`, `line`) to the end, counting no further than `height + 1`.
  mutating func rowsBelowTop(item: Int, line: Int) -> Int {
    var rows = -line
    var index = item
    while index < items.count, rows <= height {
      items[index].layOut(width: width)
      rows += items[index].lineCount
      index += 1
    }
    return rows
  }
}
