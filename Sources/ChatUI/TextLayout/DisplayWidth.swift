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
/// one cell can hold (docs/swift-ncurses.md §1.5): the first scalar plus up to 4 zero-width
/// marks, cut at a ZWJ, without variation selectors; a flag becomes its two ASCII letters.
///
/// - Important: LC_CTYPE must be a UTF-8 locale (`orchat_ensure_utf8_ctype`, or
///   `orchat_pin_c_utf8` in tests); under "C" every non-ASCII scalar measures -1.
public enum DisplayWidth {
  /// Columns of one scalar; controls and unassigned scalars count as -1.
  @inline(__always)
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    return Int(orchat_wcwidth(Int32(bitPattern: value)))
  }

  /// The cells a grapheme occupies, reduced as described above. Empty for graphemes that
  /// take no column (a lone zero-width scalar).
  public static func glyphs(of character: Character) -> [Glyph] {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return [] }
    if scalars.count == 1 {
      return glyph(for: first).map { [$0] } ?? []
    }
    if isRegionalIndicator(first) {
      return scalars.filter(isRegionalIndicator).map { Glyph(letter(of: $0), width: 1) }
    }
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
      } else if of(scalar) == 0, marks < 4 {
        text.append(scalar)
        marks += 1
      } else if of(scalar) != 0 {
        break  // a second spacing scalar cannot share the cell
      }
    }
    return text.isEmpty ? [] : [Glyph(String(text), width: width)]
  }

  /// Columns of a grapheme after reduction.
  public static func width(of character: Character) -> Int {
    if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
    return glyphs(of: character).reduce(0) { $0 + $1.width }
  }

  /// Columns of a string after reduction.
  public static func width(of text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += width(of: character) }
    return total
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

  private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  private static func letter(of indicator: Unicode.Scalar) -> String {
    String(UnicodeScalar(UInt8(0x41 + indicator.value - 0x1F1E6)))
  }
}
