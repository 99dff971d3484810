import Formatting
import TestSupport
import Testing

/// Model output must reach the terminal inert: no escape sequence, control character or
/// bidi override may survive, however the stream splits it.
@Suite struct TextSanitizerTests {
  @Test func removesOSC2WindowTitle() {
    #expect(TextSanitizer.sanitize("a\u{1B}]2;pwned title\u{07}b") == "ab")
    #expect(TextSanitizer.sanitize("a\u{1B}]0;title\u{1B}\\b") == "ab")
  }

  @Test func removesOSC52ClipboardWrite() {
    #expect(TextSanitizer.sanitize("copy\u{1B}]52;c;cm0gLXJmIH4=\u{07} me") == "copy me")
  }

  @Test func removesCSIEraseDisplayAndOtherControlSequences() {
    #expect(TextSanitizer.sanitize("\u{1B}[2Jclear") == "clear")
    #expect(TextSanitizer.sanitize("\u{1B}[?1049hx\u{1B}[31;1my\u{1B}[0m") == "xy")
  }

  @Test func removesEightBitCSI() {
    #expect(TextSanitizer.sanitize("\u{9B}2Jclear\u{9B}31m!") == "clear!")
  }

  @Test func removesDCSAndOtherStringSequences() {
    #expect(TextSanitizer.sanitize("a\u{1B}P1$r0m\u{1B}\\b") == "ab")
    #expect(TextSanitizer.sanitize("a\u{90}q#0;2;0;0;0\u{9C}b") == "ab")
    #expect(
      TextSanitizer.sanitize("a\u{1B}_apc\u{1B}\\b\u{1B}^pm\u{07}c\u{1B}Xsos\u{07}d") == "abcd")
  }

  @Test func removesTwoCharacterEscapes() {
    // RIS (full reset) and DECSC.
    #expect(TextSanitizer.sanitize("a\u{1B}cb\u{1B}7c") == "abc")
    #expect(TextSanitizer.sanitize("a\u{1B}(0b") == "ab")
  }

  @Test func removesBidiOverridesAndIsolates() {
    let trojan = "if admin\u{202E} {\u{2066}// check\u{2069}\u{202A}\u{202B}\u{202C}\u{202D}"
    #expect(TextSanitizer.sanitize(trojan) == "if admin {// check")
    #expect(TextSanitizer.sanitize("\u{2067}\u{2068}x") == "x")
  }

  @Test func removesC0AndC1ControlsButKeepsNewlineAndTab() {
    #expect(TextSanitizer.sanitize("a\u{00}b\u{07}c\u{08}d\re\u{7F}f") == "abcdef")
    #expect(TextSanitizer.sanitize("x\u{85}y\u{9C}z\u{80}") == "xyz")
    #expect(TextSanitizer.sanitize("line\n\tindented") == "line\n\tindented")
  }

  @Test func keepsOrdinaryUnicodeUntouched() {
    let text = "em — dash “quotes” … café 日本 🎉 © ± · ─│┌"
    #expect(TextSanitizer.sanitize(text) == text)
  }

  @Test func unterminatedStringSequenceEndsAtNewline() {
    #expect(TextSanitizer.sanitize("\u{1B}]2;never closed\nvisible") == "\nvisible")
  }

  @Test func unterminatedControlSequenceIsAbandonedAfterItsLimit() {
    let digits = String(repeating: "1", count: 100)
    let output = TextSanitizer.sanitize("\u{1B}[" + digits + "x")
    #expect(!output.contains("\u{1B}"))
    #expect(output.hasSuffix("1x"))
    #expect(output.count < digits.count)
  }

  /// Every sequence above, split at every scalar boundary into two feeds, and at random
  /// boundaries into many: the output never depends on the split.
  @Test func sequencesSplitAcrossFeedsAreStillRemoved() {
    let hostile =
      "x\u{1B}]2;title\u{07}y\u{1B}]52;c;Zm9v\u{1B}\\z\u{1B}[2J\u{9B}31m!\u{1B}P1$r\u{9C}"
      + "\u{202E}é\u{1B}7\r\n"
    let expected = TextSanitizer.sanitize(hostile)
    #expect(expected == "xyz!é\n")
    let scalars = Array(hostile.unicodeScalars)
    for cut in 0...scalars.count {
      var sanitizer = TextSanitizer()
      let first = sanitizer.feed(String(String.UnicodeScalarView(scalars[..<cut])))
      let second = sanitizer.feed(String(String.UnicodeScalarView(scalars[cut...])))
      #expect(first + second == expected, "split at scalar \(cut)")
    }
    var random = SeededGenerator(seed: 52)
    for _ in 0..<200 {
      var sanitizer = TextSanitizer()
      let output = random.randomScalarSplits(of: hostile, maxLength: 4).map {
        sanitizer.feed($0)
      }
      #expect(output.joined() == expected)
    }
  }
}
