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

  @Test func removesBidiMarks() {
    #expect(TextSanitizer.sanitize("a\u{200E}b\u{200F}c\u{061C}d") == "abcd")
  }

  @Test func removesInvisibleCharacters() {
    let hidden =
      "p\u{200B}a\u{2060}y\u{2061}\u{2062}\u{2063}\u{2064}p\u{FEFF}a\u{206A}\u{206F}l"
    #expect(TextSanitizer.sanitize(hidden) == "paypal")
    // ASCII smuggled in tag characters ("ignore" as U+E0069 U+E0067…).
    let smuggled =
      "ok"
      + "ignore".unicodeScalars.map { String(UnicodeScalar($0.value + 0xE0000)!) }
      .joined() + "\u{E0001}\u{E007F}!"
    #expect(TextSanitizer.sanitize(smuggled) == "ok!")
    #expect(TextSanitizer.sanitize("\u{FEFF}start") == "start")
  }

  @Test func keepsZeroWidthJoinersInsideEmojiSequences() {
    for emoji in ["👩\u{200D}💻", "🏳\u{FE0F}\u{200D}🌈", "👨🏽\u{200D}🚀", "👨\u{200D}👩\u{200D}👧"] {
      #expect(TextSanitizer.sanitize("a \(emoji) b") == "a \(emoji) b")
      #expect(TextSanitizer.sanitize(emoji).count == 1, "one grapheme: \(emoji)")
    }
  }

  @Test func dropsJoinersThatJoinNothing() {
    #expect(TextSanitizer.sanitize("pay\u{200D}pal") == "paypal")
    #expect(TextSanitizer.sanitize("pay\u{200C}pal") == "paypal")
    #expect(TextSanitizer.sanitize("👩\u{200D}") == "👩")
    #expect(TextSanitizer.sanitize("\u{200D}👩") == "👩")
    #expect(TextSanitizer.sanitize("👩\u{200D}a") == "👩a")
    #expect(TextSanitizer.sanitize("1\u{200D}👩") == "1👩")
    #expect(TextSanitizer.sanitize("👩\u{200D}\u{200D}💻") == "👩💻")
  }

  @Test func keepsJoinersBetweenLettersOfScriptsThatUseThem() {
    let persian = "می\u{200C}خواهم"
    #expect(TextSanitizer.sanitize(persian) == persian)
    let sinhala = "ශ්\u{200D}රී"
    #expect(TextSanitizer.sanitize(sinhala) == sinhala)
  }

  /// The joiners wait for the scalar after them, so where the stream is cut never matters.
  @Test func joinerDecisionsDoNotDependOnTheSplit() {
    let text = "a\u{200D}b 👩\u{200D}💻 می\u{200C}خ 👩\u{200D}\u{1B}[1m💻\u{200B}x\u{200D}"
    let expected = TextSanitizer.sanitize(text)
    #expect(expected == "ab 👩\u{200D}💻 می\u{200C}خ 👩\u{200D}💻x")
    let scalars = Array(text.unicodeScalars)
    for cut in 0...scalars.count {
      var sanitizer = TextSanitizer()
      let first = sanitizer.feed(String(String.UnicodeScalarView(scalars[..<cut])))
      let second = sanitizer.feed(String(String.UnicodeScalarView(scalars[cut...])))
      #expect(first + second == expected, "split at scalar \(cut)")
    }
  }

  @Test func clipboardTextHasNoControlCharacters() {
    let payload = "run this\u{1B}[201~\rrm -rf ~\n\tnext\u{9B}201~ é ©"
    #expect(
      TextSanitizer.removingControlCharacters(payload) == "run this[201~rm -rf ~\n\tnext201~ é ©")
    #expect(TextSanitizer.removingControlCharacters("plain 👩\u{200D}💻") == "plain 👩\u{200D}💻")
  }
}
