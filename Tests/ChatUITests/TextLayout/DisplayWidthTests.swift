import ChatDomain
import TestSupport
import Testing

@testable import ChatUI

/// Widths must agree with ncurses: libc `wcwidth` under C.UTF-8 plus the one-cell grapheme
/// reduction (TerminalBackend.docc/NcursesFromSwift.md, One cell per grapheme), or columns
/// drift on screen.
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

  /// The shortcut ranges must hold no scalar that could join a neighbour in a grapheme.
  @Test func plainRangesHoldNoMarksControlsFormatCharactersOrJamo() {
    for range in DisplayWidth.plainBMPRanges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control:
          Issue.record("U+\(String(value, radix: 16)) is \(scalar.properties.generalCategory)")
        default: break
        }
        #expect(!(0x1100...0x11FF).contains(value) && !(0xA960...0xA97F).contains(value))
      }
    }
  }

  /// The switch that answers `isPlainBMP` lists exactly the documented ranges.
  @Test func plainBMPCheckMatchesTheRanges() {
    for value in UInt32(0)..<0x11000 {
      let inRanges = DisplayWidth.plainBMPRanges.contains { $0.contains(value) }
      if DisplayWidth.isPlainBMP(value) != inRanges {
        Issue.record("U+\(String(value, radix: 16)): isPlainBMP disagrees with the ranges")
        return
      }
    }
  }

  /// The shortcut agrees with Swift's grapheme segmentation on every pair drawn from a
  /// mix of plain, combining, joining, prepending and jamo scalars.
  @Test func singleScalarShortcutAgreesWithSegmentation() {
    let samples: [Unicode.Scalar] = [
      "a", "é", "─", "日", "한", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{301}", "\u{200D}",
      "\u{FE0F}", "\u{0600}", "\u{0D4E}", "\u{093F}", "\u{0915}", "\u{094D}", "\u{3099}",
      "か", "\u{1F389}", "\u{1F1EF}", "\u{20E3}", "\u{200B}", "\u{AD}", " ",
    ]
    for first in samples {
      for second in samples {
        var pair = String.UnicodeScalarView()
        pair.append(first)
        pair.append(second)
        if DisplayWidth.isSingleScalarGrapheme(first, followedBy: second) {
          #expect(String(pair).count == 2, "U+\(first.value) U+\(second.value)")
        }
      }
    }
  }
}
