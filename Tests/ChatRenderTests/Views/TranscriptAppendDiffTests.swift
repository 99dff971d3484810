import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

/// The incremental-redraw contract: a streamed token changes the layout of the open
/// paragraph only, and the frame diff touches only the rows whose cells changed.
@Suite struct TranscriptAppendDiffTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  /// A transcript-like frame: a title row, messages drawn bottom-aligned (following the
  /// tail) in the rows between, and a status row.
  private func frame(_ messages: [MessageLayout], width: Int, height: Int) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    grid.put("orchat · session", x: 1, y: 0, role: .title)
    let area = Rect(x: 1, y: 1, width: width - 2, height: height - 2)
    var lines: [StyledLine] = []
    for message in messages {
      lines.append(contentsOf: message.lines)
      lines.append(.blank)
    }
    let visible = lines.suffix(area.height)
    let top = area.y + area.height - visible.count
    StyledLinesView.draw(
      visible, in: Rect(x: area.x, y: top, width: area.width, height: visible.count),
      on: &grid)
    grid.put("model · 12 tok/s", x: 1, y: height - 1, role: .status)
    return grid
  }

  @Test func oneTokenAppendTouchesOnlyTheLastLinesRow() {
    let history = (0..<30).map { MessageLayout(MarkdownSamples.reply + " \($0)", width: 78) }
    var streaming = MessageLayout("The answer is", width: 78)
    let before = frame(history + [streaming], width: 80, height: 24)
    streaming.append(" forty")
    let after = frame(history + [streaming], width: 80, height: 24)

    let diff = GridDiff(from: before, to: after)
    #expect(diff.changedRows == [21])  // the last line, above the trailing blank and status
    #expect(diff.runs.map(\.column) == [14])  // after "The answer is"
    #expect(diff.runs.first?.cells.map(\.text).joined() == " forty")
  }

  @Test func tokenInsideAStreamingCodeBlockTouchesOnlyItsRow() {
    var streaming = MessageLayout("Try:\n```swift\nlet x = 1\nprint(", width: 58)
    let before = frame([streaming], width: 60, height: 12)
    streaming.append("x)")
    let after = frame([streaming], width: 60, height: 12)
    let diff = GridDiff(from: before, to: after)
    #expect(diff.changedRows.count == 1)
    #expect(after.text(ofRow: diff.changedRows.first ?? 0).contains("print(x)"))
  }
}
