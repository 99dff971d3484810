/// One key press, decoded from the terminal's input (see `TerminalBackend.KeyDecoder`).
///
/// Printable input is `.character`; Shift is folded into the character itself ("A", not
/// Shift+"a"). Control letters arrive as the lower-case letter plus `.control`, so Ctrl-J is
/// `KeyEvent(.character("j"), .control)` and stays distinct from `.enter`.
///
/// Terminal limits that hold for every terminal: Ctrl-I is Tab, Ctrl-M is Enter and Ctrl-[ is
/// Escape; Alt is reported when the terminal sends it as an ESC prefix.
public struct KeyEvent: Sendable, Hashable {
  /// Which key, without modifiers.
  public enum Key: Sendable, Hashable {
    case character(Character)
    case enter
    case tab
    case backspace
    case delete
    case insert
    case escape
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1 through F12 (a terminal's F13-F60 arrive as F1-F12 plus modifiers).
    case function(Int)
  }

  public var key: Key
  public var modifiers: KeyModifiers

  public init(_ key: Key, _ modifiers: KeyModifiers = []) {
    self.key = key
    self.modifiers = modifiers
  }

  /// A printable character without modifiers.
  public static func character(_ character: Character) -> KeyEvent {
    KeyEvent(.character(character))
  }

  /// A control combination; `letter` is stored lower-cased ("J" and "j" are the same key).
  public static func control(_ letter: Character) -> KeyEvent {
    KeyEvent(.character(Character(letter.lowercased())), .control)
  }
}
