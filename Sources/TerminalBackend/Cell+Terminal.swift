import ChatRender

/// What the frame encoder needs to know of a cell's glyph.
extension Cell {
  /// A space with no marks.
  var isBlank: Bool { baseValue == 0x20 && !hasMarks }

  /// Whether terminals may draw the glyph at a width other than the one orchat measured:
  /// emoji, and the symbols that have an emoji form. After one, the next glyph gets an
  /// explicit column, so a disagreement cannot shift the rest of the row. (Emoji selectors
  /// and joiners never reach a cell: `DisplayWidth` drops them.)
  var hasUncertainWidth: Bool {
    let value = baseValue
    return value >= 0x1F000 || (0x2300..<0x2400).contains(value)
      || (0x2600..<0x27C0).contains(value) || (0x2B00..<0x2C00).contains(value)
  }

  /// Appends the glyph's UTF-8, or U+FFFD when any of its scalars is a control character
  /// (C0, DEL, C1). Views never put one in a cell (`DisplayWidth` turns unprintable scalars
  /// into U+FFFD); this is the last place one could reach the terminal.
  func appendTerminalBytes(to out: inout [UInt8]) {
    let base = baseValue
    if base >= 0x20, base < 0x7F, !hasMarks {
      out.append(UInt8(base))
      return
    }
    let start = out.count
    var isClean = base != 0
    forEachScalar { scalar in
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { isClean = false }
      out.append(contentsOf: UTF8.encode(scalar)!)
    }
    if !isClean {
      out.removeSubrange(start...)
      out += [0xEF, 0xBF, 0xBD]
    }
  }
}
