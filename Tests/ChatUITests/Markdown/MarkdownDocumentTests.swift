import ChatCore
import ChatDomain
import ChatUI
import TestSupport
import Testing

@Suite struct MarkdownDocumentTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private func render(_ markdown: String, width: Int = 40) -> [String] {
    MarkdownRenderer.render(MarkdownDocument(markdown).blocks, width: width).map(\.plainText)
  }

  private func kinds(_ markdown: String) -> [StyledLine.Kind] {
    MarkdownRenderer.render(MarkdownDocument(markdown).blocks, width: 40).map(\.kind)
  }

  @Test func headingsDropTheirMarkersAndUseTheHeadingRole() {
    let blocks = MarkdownDocument("# One\n### Three ###\n#no").blocks
    #expect(
      blocks.map(\.content) == [
        .heading(level: 1, [StyledSpan("One", role: .markdownHeading)]),
        .heading(level: 3, [StyledSpan("Three", role: .markdownHeading)]),
        .paragraph([StyledSpan("#no", role: .transcriptBody)]),
      ])
  }

  @Test func paragraphsKeepSourceLineBreaksAndBlankRunsCollapse() {
    #expect(render("\n\none\ntwo\n\n\n\nthree") == ["one", "two", "", "three"])
  }

  @Test func bulletListsNestWithChangingBullets() {
    #expect(
      render("- a\n  - b\n    - c\n- d") == ["• a", "  ◦ b", "    ▪ c", "• d"])
  }

  @Test func orderedListsCountOnFromTheirStartAcrossBlankLines() {
    #expect(render("3. a\n1. b\n\n7. c") == ["3. a", "4. b", "", "5. c"])
    #expect(render("1) x\n- y") == ["1) x", "• y"])
  }

  @Test func listItemContinuationLinesHangUnderTheText() {
    #expect(
      render("- a long item that wraps around", width: 14) == [
        "• a long item", "  that wraps", "  around",
      ])
    #expect(
      render("1. first\n   more\n\n   second para") == [
        "1. first", "   more", "", "   second para",
      ])
  }

  @Test func orderedMarkerOnlyInterruptsProseWhenItStartsAtOne() {
    #expect(render("In\n2024. was good") == ["In", "2024. was good"])
    #expect(render("Steps:\n1. go") == ["Steps:", "1. go"])
  }

  @Test func quotesNestAndContinueLazily() {
    #expect(render("> a\n> > b\n\n> c\nlazy") == ["│ a", "│ │ b", "", "│ c", "│ lazy"])
    let blocks = MarkdownDocument("> quoted").blocks
    #expect(blocks.first?.content == .paragraph([StyledSpan("quoted", role: .markdownQuote)]))
  }

  @Test func rulesSpanTheWidthButAListMarkerIsNotARule() {
    #expect(render("a\n\n---\n\n* * *", width: 5) == ["a", "", "─────", "", "─────"])
    #expect(render("- -1 degrees") == ["• -1 degrees"])
  }

  @Test func tablesAlignColumnsUnderAHeaderRule() {
    let lines = render("| a | long header | n |\n|---|:---:|--:|\n| xy | z | 10 |\n| 1 |")
    #expect(
      lines == [
        "a  │ long header │  n",
        "───┼─────────────┼───",
        "xy │      z      │ 10",
        "1  │             │   ",
      ])
  }

  @Test func tablesTooWideForTheWidthWrapTheirCells() {
    let lines = render("| name | description |\n| - | - |\n| x | a fairly long text |", width: 16)
    #expect(lines.allSatisfy { DisplayWidth.width(of: $0) <= 16 })
    #expect(lines.joined(separator: " ").contains("fairly"))
  }

  @Test func fencedCodeBlocksAreNumberedAndLabelled() {
    let text = "```swift\nlet a = 1\n```\ntext\n~~~\nplain\n~~~"
    #expect(
      kinds(text) == [
        .codeHeader(language: "swift", block: 1), .code(block: 1), .codeFooter(block: 1),
        .text, .codeHeader(language: "", block: 2), .code(block: 2), .codeFooter(block: 2),
      ])
  }

  /// While it streams, an unclosed fence has no footer (it would move down a row, and be
  /// redrawn, with every code line); the footer comes with the closing fence or the end.
  @Test func unclosedFenceRendersAsCodeWhileItStreamsAndCloses() {
    var document = MarkdownDocument()
    document.append("Here:\n```python\nprint(1)\npri")
    var lines = MarkdownRenderer.render(document.blocks, width: 40)
    #expect(
      lines.map(\.kind) == [
        .text, .codeHeader(language: "python", block: 1), .code(block: 1), .code(block: 1),
      ])
    #expect(lines[3].spans.plainText == "pri")
    document.complete()
    lines = MarkdownRenderer.render(document.blocks, width: 40)
    #expect(lines.last?.kind == .codeFooter(block: 1))
    var closed = MarkdownDocument()
    closed.append("```python\nprint(1)\n```\n")
    #expect(MarkdownRenderer.render(closed.blocks, width: 40).last?.kind == .codeFooter(block: 1))
  }

  @Test func fenceInsideAListItemDropsTheItemIndentation() {
    let text = "1. Run:\n   ```sh\n   make \\\n     all\n   ```\n2. Done"
    #expect(document(text).codeBlock(1)?.text == "make \\\n  all")
    #expect(render(text).first == "1. Run:")
  }

  @Test func codeBlockSourceIsTheRawTextIncludingTheStreamingLine() {
    var document = MarkdownDocument()
    document.append("```js\nconst a = \"x\";\t// tab\n\n  indented\n")
    document.append("last")
    let source = document.codeBlock(1)
    #expect(source?.language == "js")
    #expect(source?.text == "const a = \"x\";\t// tab\n\n  indented\nlast")
    #expect(document.codeBlock(2) == nil)
    #expect(document.codeBlockCount == 1)
  }

  @Test func codeBlocksInQuotesCloseWithTheQuote() {
    #expect(
      kinds("> ```\n> code\nafter") == [
        .codeHeader(language: "", block: 1), .code(block: 1), .codeFooter(block: 1), .text,
      ])
  }

  private func document(_ text: String) -> MarkdownDocument { MarkdownDocument(text) }

  /// Every sample split at random scalar boundaries: after each delta the document's blocks
  /// equal those of a fresh document given the text so far in one piece.
  @Test(arguments: 0..<MarkdownSamples.all.count)
  func incrementalBlocksEqualAFreshParseAfterEveryDelta(sample: Int) {
    let text = MarkdownSamples.all[sample]
    var random = SeededGenerator(seed: UInt64(sample) + 100)
    for _ in 0..<5 {
      var document = MarkdownDocument()
      var received = ""
      for piece in random.randomScalarSplits(of: text, maxLength: 16) {
        document.append(piece)
        received += piece
        let fresh = MarkdownDocument(received)
        #expect(document.blocks == fresh.blocks, "after \(received.count) characters")
        #expect(document.codeBlockCount == fresh.codeBlockCount)
      }
    }
  }
}
