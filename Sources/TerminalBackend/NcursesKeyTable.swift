import CNcursesw
import ChatUI

/// The key codes of the current ncurses screen that the fixed `KEY_*` constants do not
/// cover: modified cursor keys and the bracketed-paste markers.
///
/// - Important: Build it after `newterm`, on the thread that owns ncurses.
enum NcursesKeyTable {
  /// Codes for `ESC [ 200 ~` and `ESC [ 201 ~`. ncurses gives terminfo's extended key
  /// names codes from `KEY_MAX` upwards, one per extended string capability (about a
  /// hundred for xterm), so these stay clear of them.
  static let pasteMarkers: (begin: Int32, end: Int32) = (KEY_MAX + 0x400, KEY_MAX + 0x401)

  /// Binds the paste markers to `pasteMarkers`.
  static func definePasteMarkers() {
    _ = define_key("\u{1b}[200~", pasteMarkers.begin)
    _ = define_key("\u{1b}[201~", pasteMarkers.end)
  }

  /// Binds the normal-mode cursor keys too. ncurses switches the terminal to application
  /// mode (`smkx`), where Up is `ESC O A`, but some terminals ignore that and keep sending
  /// `ESC [ A`; without these bindings such a key would arrive as Alt+[ and a letter.
  static func defineNormalModeKeys() {
    let bindings: [(String, Int32)] = [
      ("\u{1b}[A", KEY_UP), ("\u{1b}[B", KEY_DOWN), ("\u{1b}[C", KEY_RIGHT),
      ("\u{1b}[D", KEY_LEFT), ("\u{1b}[H", KEY_HOME), ("\u{1b}[F", KEY_END),
      ("\u{1b}OA", KEY_UP), ("\u{1b}OB", KEY_DOWN), ("\u{1b}OC", KEY_RIGHT),
      ("\u{1b}OD", KEY_LEFT), ("\u{1b}OH", KEY_HOME), ("\u{1b}OF", KEY_END),
    ]
    for (sequence, code) in bindings where key_defined(sequence) == 0 {
      _ = define_key(sequence, code)
    }
  }

  /// The codes ncurses assigned to terminfo's modified keys: `kUP5` is Ctrl+Up, `kDC3`
  /// Alt+Delete, and so on (xterm's numbering, where the suffix minus one is a bit set of
  /// Shift, Alt and Control). Keys the terminal description lacks are simply absent.
  static func modifiedKeys() -> [Int32: KeyEvent] {
    let names: [(String, KeyEvent.Key)] = [
      ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right),
      ("kHOM", .home), ("kEND", .end), ("kPRV", .pageUp), ("kNXT", .pageDown),
      ("kDC", .delete), ("kIC", .insert),
    ]
    var table: [Int32: KeyEvent] = [:]
    for (name, key) in names {
      for suffix in 2...8 {
        guard let modifiers = KeyModifiers(xtermParameter: suffix),
          let sequence = nc_tigetstr(name + String(suffix))
        else { continue }
        let code = key_defined(sequence)
        if code > 0 { table[code] = KeyEvent(key, modifiers) }
      }
    }
    return table
  }
}
