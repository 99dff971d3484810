import ChatUI
import TestSupport
import Testing

/// Widths must agree with ncurses (libc `wcwidth` under C.UTF-8 plus the one-cell grapheme
/// reduction of docs/swift-ncurses.md §1.5), or columns drift on screen.
@Suite struct DisplayWidthTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func asciiTakesOneColumnAndControlsNone() {
    #expect(DisplayWidth.width(of: "hello, world") == 12)
    #expect(DisplayWidth.width(of: Character("\n")) == 0)
    #expect(DisplayWidth.width(of: Character("\t")) == 0)
  }

  @Test func cjkAndHangulTakeTwoColumnsEach() {
    #expect(DisplayWidth.width(of: "日本語") == 6)
    #expect(DisplayWidth.width(of: "한국어") == 6)
    #expect(DisplayWidth.glyphs(of: "語") == [Glyph("語", width: 2)])
  }

  @Test func plainEmojiTakesTwoColumns() {
    #expect(DisplayWidth.glyphs(of: "🎉") == [Glyph("🎉", width: 2)])
    #expect(DisplayWidth.width(of: "😀🚀") == 4)
  }

  @Test func combiningMarksShareTheirBaseCell() {
    #expect(DisplayWidth.glyphs(of: "e\u{301}") == [Glyph("e\u{301}", width: 1)])
    #expect(DisplayWidth.width(of: "e\u{301}t\u{301}e\u{301}") == 3)
  }

  @Test func flagsBecomeTheirTwoLetters() {
    #expect(DisplayWidth.glyphs(of: "🇯🇵") == [Glyph("J", width: 1), Glyph("P", width: 1)])
    #expect(DisplayWidth.width(of: "🇯🇵🇫🇷") == 4)
  }

  @Test func zwjSequencesKeepTheirFirstEmoji() {
    #expect(DisplayWidth.glyphs(of: "👨‍👩‍👧") == [Glyph("👨", width: 2)])
  }

  @Test func skinToneModifiersAreDropped() {
    #expect(DisplayWidth.glyphs(of: "👍🏽") == [Glyph("👍", width: 2)])
  }

  @Test func variationSelectorsAreDroppedAndWidthIsTheBaseScalars() {
    #expect(DisplayWidth.glyphs(of: "❤️") == [Glyph("❤", width: 1)])
    #expect(DisplayWidth.glyphs(of: "1️⃣") == [Glyph("1\u{20E3}", width: 1)])
  }

  @Test func zeroWidthFormatCharactersAreNotKeptAsMarks() {
    // England's flag: a black flag followed by tag characters.
    let england: Character = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
    #expect(DisplayWidth.glyphs(of: england) == [Glyph("🏴", width: 2)])
    #expect(DisplayWidth.glyphs(of: "\u{200B}").isEmpty)
  }

  @Test func unprintableScalarsShowAsReplacementCharacter() {
    #expect(DisplayWidth.glyphs(of: "\u{0378}") == [Glyph("\u{FFFD}", width: 1)])
  }

  /// The string measure is the sum of the glyphs the grid will hold, so a laid-out line's
  /// width is the number of cells it fills.
  @Test(arguments: [
    "plain", "日本語", "e\u{301}te\u{301}", "🇯🇵 flag", "👨‍👩‍👧 zwj", "❤️ vs16", "👍🏽 tone",
    "한국 混在", "🎉🎉🎉",
  ])
  func stringWidthIsTheSumOfItsGlyphs(sample: String) {
    var glyphColumns = 0
    for character in sample {
      DisplayWidth.forEachGlyph(of: character) { glyphColumns += $0.width }
    }
    #expect(DisplayWidth.width(of: sample) == glyphColumns)
  }
}
