extension KeyEvent: CustomStringConvertible {
  /// The key as people write it: "Ctrl+J", "Alt+Enter", "Shift+Tab", "F5", "PgUp", "你".
  /// Modifiers come in the fixed order Ctrl, Alt, Shift.
  public var description: String {
    var parts: [String] = []
    if modifiers.contains(.control) { parts.append("Ctrl") }
    if modifiers.contains(.alt) { parts.append("Alt") }
    if modifiers.contains(.shift) { parts.append("Shift") }
    parts.append(key.name(uppercased: !modifiers.isEmpty))
    return parts.joined(separator: "+")
  }
}

extension KeyEvent.Key {
  /// The key's name; a letter is upper-cased after a modifier ("Ctrl+J").
  func name(uppercased: Bool) -> String {
    switch self {
    case .character(" "): return "Space"
    case .character(let character): return uppercased ? character.uppercased() : String(character)
    case .enter: return "Enter"
    case .tab: return "Tab"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .insert: return "Insert"
    case .escape: return "Esc"
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .function(let number): return "F\(number)"
    }
  }
}
