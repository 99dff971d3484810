import CNcursesw
import ChatDomain
import ChatUI

/// Reads back what ncurses believes the terminal shows (`curscr`), cell by cell.
///
/// - Important: Only while an `NcursesTerminal` is open, on its thread.
enum NcursesScreenReader {
  struct CellContent: Equatable {
    var text: String
    var pair: Int32
    var attributes: attr_t
  }

  static func cell(x: Int, y: Int) -> CellContent? {
    guard let screen = nc_curscr() else { return nil }
    var character = cchar_t()
    guard mvwin_wch(screen, Int32(y), Int32(x), &character) != ERR else { return nil }
    var characters = [wchar_t](repeating: 0, count: 8)
    var attributes: attr_t = 0
    var shortPair: Int16 = 0
    var pair: Int32 = 0
    guard getcchar(&character, &characters, &attributes, &shortPair, &pair) != ERR else {
      return nil
    }
    let scalars = characters.prefix { $0 != 0 }.compactMap {
      Unicode.Scalar(UInt32(bitPattern: $0))
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return CellContent(text: text, pair: pair, attributes: attributes & ~NC_A_COLOR)
  }

  /// Row `y` as text: a wide character's second cell is skipped, trailing spaces trimmed.
  static func line(_ y: Int, width: Int) -> String {
    var text = ""
    var x = 0
    while x < width {
      let content = cell(x: x, y: y)?.text ?? "?"
      text += content
      let isWide = content.unicodeScalars.first.map { DisplayWidth.of($0) == 2 } ?? false
      x += isWide ? 2 : 1
    }
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  /// The foreground and background colour numbers of a pair.
  static func colors(ofPair pair: Int32) -> (foreground: Int32, background: Int32) {
    var foreground: Int32 = 0
    var background: Int32 = 0
    _ = extended_pair_content(pair, &foreground, &background)
    return (foreground, background)
  }
}
