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
/// one cell can hold (docs/swift-ncurses.md §1.5): the first scalar plus up to 4 combining
/// marks, cut at a ZWJ, without variation selectors; a flag becomes its two ASCII letters.
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
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
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
    if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
    var total = 0
    forEachGlyph(of: character) { total += $0.width }
    return total
  }

  /// Columns of a string after reduction.
  public static func width(of text: some StringProtocol) -> Int {
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

  private static func glyph(for scalar: Unicode.Scalar) -> Glyph? {
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
