import ChatCore
import ChatDomain
import ChatUI
import TestSupport
import Testing

@Suite struct LineWrapperTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  private func wrap(_ text: String, width: Int) -> [String] {
    LineWrapper(width: width).wrap([StyledSpan(text, role: .transcriptBody)]).map(\.plainText)
  }

  @Test func wrapsAtSpacesAndDropsTheSpacesAtEachBreak() {
    #expect(wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    #expect(wrap("a  b", width: 1) == ["a", "b"])
  }

  @Test func keepsIndentationAtTheStartOfALogicalLine() {
    #expect(wrap("    indented words here", width: 12) == ["    indented", "words here"])
    #expect(wrap("one\n  two", width: 20) == ["one", "  two"])
  }

  @Test func newlineIsAHardBreakAndEmptyTextIsOneEmptyLine() {
    #expect(wrap("a\n\nb", width: 10) == ["a", "", "b"])
    #expect(wrap("", width: 10) == [""])
  }

  @Test func longWordStartsOnAFreshLineAndIsHardBroken() {
    #expect(
      wrap("see abcdefghijklmnop now", width: 8) == ["see", "abcdefgh", "ijklmnop", "now"])
  }

  @Test func longURLIsHardBrokenAtTheWidth() {
    let url = "https://example.com/a/very/long/path"
    let lines = wrap("go to \(url) please", width: 16)
    #expect(lines == ["go to", "https://example.", "com/a/very/long/", "path please"])
  }

  @Test func cjkTextBreaksBetweenIdeographs() {
    #expect(wrap("東京は日本の首都です", width: 7) == ["東京は", "日本の", "首都で", "す"])
  }

  @Test func cjkClosingPunctuationNeverStartsALine() {
    #expect(wrap("日本語。", width: 6) == ["日本", "語。"])
    #expect(wrap("「東京」です", width: 6) == ["「東", "京」で", "す"])
    #expect(wrap("日本語.", width: 6) == ["日本", "語."])
  }

  @Test func latinTextNextToCJKMayBreakBetweenThem() {
    #expect(wrap("日本abc", width: 5) == ["日本", "abc"])
    #expect(
      LineWrapper(width: 5).wrap([
        StyledSpan("日本", role: .transcriptBody), StyledSpan("abc", role: .markdownBold),
      ]).map(\.plainText) == ["日本", "abc"])
  }

  @Test func wideGlyphNeverStraddlesTheEdge() {
    #expect(wrap("ab日本", width: 3) == ["ab", "日", "本"])
  }

  @Test func tabsExpandToTheNextTabStop() {
    #expect(wrap("a\tb\tc", width: 20) == ["a   b   c"])
    #expect(LineWrapper.expandingTabs([StyledSpan("ab\tc", role: .code)]).plainText == "ab  c")
  }

  @Test func prefixesGiveAHangingIndent() {
    let wrapper = LineWrapper(
      width: 12, firstPrefix: [StyledSpan("• ", role: .markdownListMarker)],
      restPrefix: [StyledSpan("  ", role: .transcriptBody)])
    let lines = wrapper.wrap([StyledSpan("alpha beta gamma delta", role: .transcriptBody)])
    #expect(lines.map(\.plainText) == ["• alpha beta", "  gamma", "  delta"])
    #expect(lines.map(\.width) == [12, 7, 7])
  }

  @Test func stylesSurviveWrappingAndAdjacentSameRoleTextMerges() {
    let spans = [
      StyledSpan("plain ", role: .transcriptBody), StyledSpan("bold words", role: .markdownBold),
      StyledSpan(" end", role: .transcriptBody),
    ]
    let lines = LineWrapper(width: 11).wrap(spans)
    #expect(
      lines.map(\.spans) == [
        [StyledSpan("plain ", role: .transcriptBody), StyledSpan("bold", role: .markdownBold)],
        [StyledSpan("words", role: .markdownBold), StyledSpan(" end", role: .transcriptBody)],
      ])
  }

  /// Random text of words, CJK, emoji and long runs: no line exceeds the width, and no
  /// visible character is lost or invented.
  @Test(arguments: [1, 2, 3, 7, 20, 80])
  func linesNeverExceedTheWidthAndKeepEveryVisibleCharacter(width: Int) {
    var random = SeededGenerator(seed: UInt64(width))
    let pieces = ["word", "日本", "🎉", "supercalifragilistic", " ", "  ", "e\u{301}", "\t", "\n"]
    for _ in 0..<50 {
      let text = (0..<30).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
      let lines = LineWrapper(width: width).wrap([StyledSpan(text, role: .transcriptBody)])
      for line in lines {
        #expect(line.width <= max(width, 2), "\(line.plainText) in \(text)")
        #expect(line.width == DisplayWidth.width(of: line.plainText))
      }
      let visible = { (string: String) in string.filter { !$0.isWhitespace } }
      #expect(visible(lines.map(\.plainText).joined()) == visible(text))
    }
  }
}
