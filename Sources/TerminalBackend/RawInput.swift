import ChatUI

/// One item as `wget_wch` delivers it, before decoding, in plain Swift values so the
/// decoder can be tested without a terminal.
public enum RawInput: Sendable, Hashable {
  /// `wget_wch` returned `OK`: a Unicode scalar value (controls included).
  case character(UInt32)
  /// `wget_wch` returned `KEY_CODE_YES`: an ncurses key code (`KEY_UP`, `KEY_F(5)`, a
  /// code bound to a terminfo extended key, or the bracketed-paste markers).
  case keyCode(Int32)
  /// `KEY_MOUSE`, already read with `getmouse`.
  case mouse(RawMouse)
  /// `KEY_RESIZE`, with the size ncurses now has.
  case resized(TerminalSize)
}

/// A mouse report: the cell and which buttons changed, in ncurses' terms.
public struct RawMouse: Sendable, Hashable {
  /// Button transitions and held modifiers of one report.
  public struct State: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
      self.rawValue = rawValue
    }

    public static let leftPressed = State(rawValue: 1 << 0)
    public static let leftReleased = State(rawValue: 1 << 1)
    public static let middlePressed = State(rawValue: 1 << 2)
    public static let rightPressed = State(rawValue: 1 << 3)
    public static let wheelUp = State(rawValue: 1 << 4)
    public static let wheelDown = State(rawValue: 1 << 5)
    public static let shift = State(rawValue: 1 << 6)
    public static let control = State(rawValue: 1 << 7)
    public static let alt = State(rawValue: 1 << 8)
  }

  public var x: Int
  public var y: Int
  public var state: State

  public init(x: Int, y: Int, state: State) {
    self.x = x
    self.y = y
    self.state = state
  }
}
