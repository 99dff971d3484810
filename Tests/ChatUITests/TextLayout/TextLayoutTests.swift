import ChatCore
import ChatDomain
import ChatUI
import TestSupport
import Testing

@Suite struct TextLayoutTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  /// The oracle: every paragraph wrapped on its own, no caching involved.
  private func freshLines(_ text: String, width: Int) -> [StyledLine] {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
      LineWrapper(width: width).wrap([StyledSpan(String($0), role: .transcriptBody)])
    }
  }

  @Test func appendingRewrapsTheOpenParagraphOnly() {
    var layout = TextLayout(width: 10)
    layout.append("first line\nsecond ", role: .transcriptBody)
    #expect(layout.stableLineCount == 1)
    let stable = layout.lines[0]
    layout.append("paragraph grows", role: .transcriptBody)
    #expect(layout.lines[0] == stable)
    #expect(layout.lines.map(\.plainText) == ["first line", "second", "paragraph", "grows"])
  }

  @Test func emptyLayoutHasOneEmptyLine() {
    #expect(TextLayout(width: 5).lines.map(\.plainText) == [""])
  }

  /// Random text (words, CJK, emoji, combining marks, long words, newlines) appended in
  /// random pieces at random widths lays out exactly like the whole text wrapped at once.
  @Test func incrementalLayoutEqualsFreshLayout() {
    var random = SeededGenerator(seed: 4)
    let pieces = [
      "word ", "日本語", "🎉", "👨‍👩‍👧", "e\u{301}", "averyveryverylongidentifier", " ", "\n",
      "\n\n", "https://example.com/x/y/z ", "\t",
    ]
    for _ in 0..<100 {
      let text = (0..<40).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
      let width = Int.random(in: 1...40, using: &random)
      var layout = TextLayout(width: width)
      for piece in random.randomScalarSplits(of: text, maxLength: 9) {
        layout.append(piece, role: .transcriptBody)
      }
      #expect(Array(layout.lines) == freshLines(text, width: width), "width \(width): \(text)")
    }
  }

  @Test func resizeEqualsAFreshLayoutAtTheNewWidth() {
    var layout = TextLayout("alpha beta gamma\ndelta epsilon", role: .transcriptBody, width: 30)
    layout.resize(to: 6)
    #expect(Array(layout.lines) == freshLines("alpha beta gamma\ndelta epsilon", width: 6))
  }
}
