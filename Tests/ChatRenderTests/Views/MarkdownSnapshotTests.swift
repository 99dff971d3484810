import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TestSupport
import Testing

/// Every markdown element rendered into a screen at the canonical sizes, one column of
/// padding on each side the way the transcript pane has it.
@Suite struct MarkdownSnapshotTests {
  static let sizes = [(80, 24), (120, 40)]

  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  /// A finished reply's text on a screen.
  private func screen(_ markdown: String, columns: Int, rows: Int) -> CellGrid {
    var grid = CellGrid(width: columns, height: rows)
    var layout = MessageLayout(markdown, width: columns - 2)
    layout.complete()
    StyledLinesView.draw(
      layout.lines, in: Rect(x: 1, y: 0, width: columns - 2, height: rows), on: &grid)
    return grid
  }

  @Test(arguments: sizes)
  func headings(columns: Int, rows: Int) {
    let markdown = "# Title\n\nIntro.\n\n## Section with `code`\n\n### Third **level**\nText."
    assertGridSnapshot(screen(markdown, columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func inlineStyles(columns: Int, rows: Int) {
    let markdown = """
      Plain, **bold**, *italic*, ***both***, `inline code`, snake_case_name, \\*escaped\\*, \
      a [link](https://example.com/docs) and a bare https://bare.example.org/path/to/page.
      A second source line stays a line; this one is long enough to wrap around at eighty \
      columns and show the wrapped continuation.
      """
    assertGridSnapshot(screen(markdown, columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func lists(columns: Int, rows: Int) {
    let markdown = """
      - first bullet
      - second bullet that is long enough to wrap so the continuation hangs under its text \
      rather than under the bullet
        - nested
          - deeper
      - back out

      1. one
      1. numbered on from the list's start
      1. three

         a second paragraph in item three
      """
    assertGridSnapshot(screen(markdown, columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func quotes(columns: Int, rows: Int) {
    let markdown = """
      > A quote with **bold** and a lazy
      continuation line.
      >
      > > Nested quote.
      """
    assertGridSnapshot(screen(markdown, columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func rule(columns: Int, rows: Int) {
    assertGridSnapshot(screen("Above\n\n---\n\nBelow", columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func tables(columns: Int, rows: Int) {
    let markdown = """
      | Model | Context | Input $/M | Notes |
      | :--- | :---: | ---: | --- |
      | gpt-4o-mini | 128k | 0.15 | cheap and fast, good for most everyday questions |
      | claude-sonnet-4.5 | 1M | 3.00 | long context, strong at code review and refactoring |
      """
    assertGridSnapshot(screen(markdown, columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func codeBlocks(columns: Int, rows: Int) {
    assertGridSnapshot(screen(MarkdownSamples.code, columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func unclosedFenceWhileStreaming(columns: Int, rows: Int) {
    var layout = MessageLayout("Here is the fix:\n\n```python\ndef f(x):\n", width: columns - 2)
    layout.append("    return x * 2  # doubled")
    var grid = CellGrid(width: columns, height: rows)
    StyledLinesView.draw(
      layout.lines, in: Rect(x: 1, y: 0, width: columns - 2, height: rows), on: &grid)
    assertGridSnapshot(grid)
  }

  @Test(arguments: sizes)
  func internationalText(columns: Int, rows: Int) {
    assertGridSnapshot(screen(MarkdownSamples.international, columns: columns, rows: rows))
  }

  @Test(arguments: sizes)
  func wholeReply(columns: Int, rows: Int) {
    assertGridSnapshot(screen(MarkdownSamples.reply, columns: columns, rows: rows))
  }
}
