import TestSupport
import Testing

@testable import ChatCommands

/// The block `orchat compare` redraws on a terminal.
@Suite struct CompareLiveViewTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func eachSectionIsALabelledRuleAndTheEndOfItsText() {
    let view = CompareLiveView(columns: 40, rows: 13)
    let lines = view.lines([
      .init(label: "1 openai/gpt-4o", state: "⠹ 12 tok", text: "one\ntwo\nthree\nfour\nfive\nsix"),
      .init(label: "2 anthropic/claude", state: "done", text: "short"),
    ])
    // Filled to the last column but one: a line that wrapped would throw the redraw off.
    #expect(lines[0] == "── 1 openai/gpt-4o · ⠹ 12 tok ─────────")
    #expect(lines[0].count == 39)
    #expect(Array(lines[1...5]) == ["two", "three", "four", "five", "six"])
    #expect(lines[6].hasPrefix("── 2 anthropic/claude · done "))
    #expect(lines[7] == "short")
  }

  @Test func linesWrapShortOfTheLastColumnAndEscapesNeverPass() {
    let text = String(repeating: "漢字", count: 30) + "\u{1B}]0;pwned\u{07}\u{1B}[2J end"
    let lines = CompareLiveView.tail(of: text, width: 20, count: 10)
    #expect(
      lines.allSatisfy { line in line.reduce(0) { $0 + CompareLiveView.width(of: $1) } <= 20 })
    #expect(!lines.joined().contains("\u{1B}"))
    #expect(lines.last?.hasSuffix(" end") == true)
  }

  @Test func onlyTheEndOfALongReplyIsWrapped() {
    let text = (1...10_000).map { "line \($0)" }.joined(separator: "\n")
    #expect(CompareLiveView.tail(of: text, width: 30, count: 2) == ["line 9999", "line 10000"])
  }
}
