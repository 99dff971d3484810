import CWidth

/// One terminal cell's worth of text: what a single ncurses `cchar_t` can hold.
public struct Glyph: Sendable, Hashable {
  public var text: String
  /// 1 or 2 columns.
  public var width: Int

  public init(_ text: String, width: Int) {
    self.text = text
    self.width = width
  }
}

/// Display widths that agree with ncurses and the terminal.
///
/// ncurses measures with libc `wcwidth` under the process's LC_CTYPE, and one `cchar_t`
/// holds one spacing scalar plus a few combining marks. So a grapheme is reduced to what
/// one cell can hold (TerminalBackend.docc/NcursesFromSwift.md, One cell per grapheme): the
/// first scalar plus up to 4 combining marks, cut at a ZWJ, without variation selectors; a
/// flag becomes its two ASCII letters.
/// Zero-width format characters (tags, ZWNJ, word joiner…) are dropped rather than kept as
/// marks, because terminals disagree about them.
///
/// - Important: LC_CTYPE must be a UTF-8 locale (`ensureUTF8Locale()`, or
///   `orchat_pin_c_utf8` in tests); under "C" every non-ASCII scalar measures -1.
public enum DisplayWidth {
  /// The tab stop interval used wherever text is laid out.
  public static let tabStop = 4

  /// Makes LC_CTYPE a UTF-8 locale: keeps the user's when it is UTF-8, else C.UTF-8.
  /// Call once at start-up, before ncurses and before any measuring.
  /// - Returns: whether a UTF-8 locale is now in effect.
  @discardableResult
  public static func ensureUTF8Locale() -> Bool {
    orchat_ensure_utf8_ctype() == 0
  }

  /// Columns of one scalar; controls and unassigned scalars count as -1.
  @inline(__always)
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    return Int(orchat_wcwidth(Int32(bitPattern: value)))
  }

  /// Calls `body` with each cell-sized glyph of a grapheme, without allocating for the
  /// common case. Graphemes that take no column (a lone zero-width scalar) call it never.
  @inline(__always)
  public static func forEachGlyph(of character: Character, _ body: (Glyph) -> Void) {
    // Not `asciiValue`: it compares the character with "\r\n" first, a string comparison
    // per call on this hot path.
    let utf8 = character.utf8
    if utf8.count == 1, let ascii = utf8.first, ascii >= 0x20, ascii < 0x7F {
      body(Glyph(String(character), width: 1))
      return
    }
    let scalars = character.unicodeScalars
    if let first = scalars.first, isRegionalIndicator(first) {
      for scalar in scalars where isRegionalIndicator(scalar) {
        body(Glyph(letter(of: scalar), width: 1))
      }
      return
    }
    if let glyph = reduced(character) { body(glyph) }
  }

  /// The cells a grapheme occupies, reduced as described above. Empty for graphemes that
  /// take no column (a lone zero-width scalar).
  public static func glyphs(of character: Character) -> [Glyph] {
    var result: [Glyph] = []
    forEachGlyph(of: character) { result.append($0) }
    return result
  }

  /// Columns of a grapheme after reduction.
  @inline(__always)
  public static func width(of character: Character) -> Int {
    let utf8 = character.utf8
    // ASCII, or CR LF (the one ASCII grapheme of two scalars), without `asciiValue`'s
    // string comparison; an ASCII letter with combining marks goes on below.
    if let first = utf8.first, first < 0x80 {
      if utf8.count == 1 { return first >= 0x20 && first < 0x7F ? 1 : 0 }
      if first == 0x0D { return 0 }
    }
    var total = 0
    forEachGlyph(of: character) { total += $0.width }
    return total
  }

  /// Whether `scalar`, followed by `next` (nil at the end of the text), is a grapheme of
  /// its own, decided without segmenting the text. Conservative: true only for BMP scalars
  /// that neither prepend to what follows (format characters, U+0D4E, Hangul leading
  /// jamo) nor are followed by something that extends them (ASCII, or a BMP scalar that is
  /// not a mark, a control or format character, or a Hangul vowel or trailing jamo).
  /// Anything else, supplementary scalars included, answers false and must be segmented.
  public static func isSingleScalarGrapheme(
    _ scalar: Unicode.Scalar, followedBy next: Unicode.Scalar?
  ) -> Bool {
    let value = scalar.value
    guard value < 0x10000, value != 0x0D4E, !(0x1100...0x115F).contains(value),
      !(0xA960...0xA97F).contains(value)
    else { return false }
    let isPrintableASCII = value >= 0x20 && value < 0x7F
    if !isPrintableASCII, !isPlainBMP(value), scalar.properties.generalCategory == .format {
      return false
    }
    guard let next else { return true }
    let nextValue = next.value
    if (nextValue >= 0x20 && nextValue < 0x7F) || isPlainBMP(nextValue) { return true }
    guard nextValue < 0x10000, !(0x1160...0x11FF).contains(nextValue),
      !(0xD7B0...0xD7FF).contains(nextValue)
    else { return false }
    switch next.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control: return false
    default: return true
    }
  }

  /// Ranges of common text (Latin, Greek, Cyrillic, punctuation, symbols, box drawing,
  /// kana, CJK, Hangul syllables, full-width forms) that hold no marks, controls, format
  /// characters or jamo, so the Unicode property lookup can be skipped for them.
  static let plainBMPRanges: [ClosedRange<UInt32>] = [
    0x00A0...0x00AC, 0x00AE...0x02FF, 0x0370...0x0482, 0x2010...0x2027, 0x2030...0x205E,
    0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFFEF,
  ]

  /// Whether `value` lies in `plainBMPRanges`. A `switch` over the same ranges rather
  /// than a loop over the array: it compiles to a few comparisons and skips the lazy
  /// global's initialisation check, and it runs for nearly every non-ASCII cell drawn.
  @inline(__always)
  static func isPlainBMP(_ value: UInt32) -> Bool {
    switch value {
    case 0x00A0...0x00AC, 0x00AE...0x02FF, 0x0370...0x0482, 0x2010...0x2027, 0x2030...0x205E,
      0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFFEF:
      return true
    default:
      return false
    }
  }

  /// Columns of a string after reduction.
  public static func width(of text: some StringProtocol) -> Int {
    measure(text)
  }

  /// `width(of:)` for the concrete types views measure every frame: called from another
  /// module, the generic version runs unspecialised, through witness tables.
  public static func width(of text: String) -> Int { measure(text) }

  public static func width(of text: Substring) -> Int { measure(text) }

  @inline(__always)
  private static func measure<Text: StringProtocol>(_ text: Text) -> Int {
    let utf8 = text.utf8
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
    var total = 0
    for character in text { total += width(of: character) }
    return total
  }

  /// The single glyph of a non-flag grapheme: its first spacing scalar plus combining marks.
  private static func reduced(_ character: Character) -> Glyph? {
    let scalars = character.unicodeScalars
    if scalars.count == 1, let only = scalars.first { return glyph(for: only) }
    var text = String.UnicodeScalarView()
    var width = 0
    var marks = 0
    for scalar in scalars {
      if scalar.value == 0x200D { break }  // ZWJ: keep only the first part of a sequence
      if scalar.value == 0xFE0E || scalar.value == 0xFE0F { continue }
      if text.isEmpty {
        guard let base = glyph(for: scalar) else { continue }
        text.append(contentsOf: base.text.unicodeScalars)
        width = base.width
        continue
      }
      let columns = of(scalar)
      if columns > 0 { break }  // a second spacing scalar cannot share the cell
      if columns == 0, marks < 4, isCombiningMark(scalar) {
        text.append(scalar)
        marks += 1
      }
    }
    return text.isEmpty ? nil : Glyph(String(text), width: width)
  }

  /// The glyph of a grapheme that is the single scalar `scalar`; nil when it takes no
  /// column. Unprintable scalars become U+FFFD.
  public static func glyph(for scalar: Unicode.Scalar) -> Glyph? {
    if isRegionalIndicator(scalar) { return Glyph(letter(of: scalar), width: 1) }
    switch of(scalar) {
    case 1: return Glyph(String(scalar), width: 1)
    case 2: return Glyph(String(scalar), width: 2)
    case 0: return nil
    default: return Glyph("\u{FFFD}", width: 1)  // unassigned or non-printable
    }
  }

  private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return true
    default: return false
    }
  }

  private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  private static func letter(of indicator: Unicode.Scalar) -> String {
    String(UnicodeScalar(UInt8(0x41 + indicator.value - 0x1F1E6)))
  }
}
