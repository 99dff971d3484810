/// A mouse press, release or wheel step at a cell (column `x`, row `y`, both from 0).
public struct MouseEvent: Sendable, Hashable {
  public enum Button: Sendable, Hashable {
    case left
    case middle
    case right
  }

  public enum Kind: Sendable, Hashable {
    case press(Button)
    case release(Button)
    case wheelUp
    case wheelDown
  }

  public var kind: Kind
  public var x: Int
  public var y: Int
  public var modifiers: KeyModifiers

  public init(_ kind: Kind, x: Int, y: Int, modifiers: KeyModifiers = []) {
    self.kind = kind
    self.x = x
    self.y = y
    self.modifiers = modifiers
  }
}

extension MouseEvent: CustomStringConvertible {
  /// "left press at 12,3", "wheel down at 0,5", with held modifiers first ("Shift+...").
  public var description: String {
    let action: String
    switch kind {
    case .press(let button): action = "\(button) press"
    case .release(let button): action = "\(button) release"
    case .wheelUp: action = "wheel up"
    case .wheelDown: action = "wheel down"
    }
    var prefix = ""
    if modifiers.contains(.control) { prefix += "Ctrl+" }
    if modifiers.contains(.alt) { prefix += "Alt+" }
    if modifiers.contains(.shift) { prefix += "Shift+" }
    return "\(prefix)\(action) at \(x),\(y)"
  }
}
