import CNcursesw
import ChatUI

extension KeyDecoder {
  /// The key for a scalar from `wget_wch`, or `nil` for one that is no key (C1 controls,
  /// surrogates). ESC is handled by the caller.
  static func key(forCharacter value: UInt32) -> KeyEvent? {
    switch value {
    case 13: return KeyEvent(.enter)
    case 9: return KeyEvent(.tab)
    case 127: return KeyEvent(.backspace)
    case 8: return KeyEvent(.backspace, .control)
    case 0: return KeyEvent(.character(" "), .control)
    case 1...26: return KeyEvent.control(Character(Unicode.Scalar(UInt8(value + 96))))
    case 28...31:
      return KeyEvent(.character(Character(Unicode.Scalar(UInt8(value + 64)))), .control)
    case 0x80...0x9F: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return KeyEvent(.character(Character(scalar)))
    }
  }

  /// The key for an ncurses key code, or `nil` for codes orchat has no use for (keypad
  /// diagonals, KEY_BEG, ...).
  static func key(forCode code: Int32) -> KeyEvent? {
    if let plain = plainKeys[code] { return plain }
    let first = nc_key_f(1)
    if code >= first, code < first + 60 {
      // xterm numbers shifted F-keys on: F13-F24 Shift, F25-F36 Ctrl, F37-F48 Ctrl+Shift,
      // F49-F60 Alt.
      let index = Int(code - first)
      let groups: [KeyModifiers] = [[], .shift, .control, [.control, .shift], .alt]
      return KeyEvent(.function(index % 12 + 1), groups[index / 12])
    }
    return nil
  }

  private static let plainKeys: [Int32: KeyEvent] = [
    KEY_UP: KeyEvent(.up), KEY_DOWN: KeyEvent(.down),
    KEY_LEFT: KeyEvent(.left), KEY_RIGHT: KeyEvent(.right),
    KEY_HOME: KeyEvent(.home), KEY_END: KeyEvent(.end),
    KEY_PPAGE: KeyEvent(.pageUp), KEY_NPAGE: KeyEvent(.pageDown),
    KEY_DC: KeyEvent(.delete), KEY_IC: KeyEvent(.insert),
    KEY_BACKSPACE: KeyEvent(.backspace), KEY_ENTER: KeyEvent(.enter),
    KEY_BTAB: KeyEvent(.tab, .shift),
    KEY_SR: KeyEvent(.up, .shift), KEY_SF: KeyEvent(.down, .shift),
    KEY_SLEFT: KeyEvent(.left, .shift), KEY_SRIGHT: KeyEvent(.right, .shift),
    KEY_SHOME: KeyEvent(.home, .shift), KEY_SEND: KeyEvent(.end, .shift),
    KEY_SPREVIOUS: KeyEvent(.pageUp, .shift), KEY_SNEXT: KeyEvent(.pageDown, .shift),
    KEY_SDC: KeyEvent(.delete, .shift), KEY_SIC: KeyEvent(.insert, .shift),
  ]

  /// The events in one mouse report: presses, releases and wheel steps, in that order.
  static func mouseEvents(for mouse: RawMouse) -> [MouseEvent] {
    var modifiers: KeyModifiers = []
    if mouse.state.contains(.shift) { modifiers.insert(.shift) }
    if mouse.state.contains(.control) { modifiers.insert(.control) }
    if mouse.state.contains(.alt) { modifiers.insert(.alt) }
    let kinds: [(RawMouse.State, MouseEvent.Kind)] = [
      (.leftPressed, .press(.left)), (.middlePressed, .press(.middle)),
      (.rightPressed, .press(.right)), (.leftReleased, .release(.left)),
      (.wheelUp, .wheelUp), (.wheelDown, .wheelDown),
    ]
    return kinds.compactMap { state, kind in
      mouse.state.contains(state)
        ? MouseEvent(kind, x: mouse.x, y: mouse.y, modifiers: modifiers) : nil
    }
  }
}
