/// One key, or a sequence of two (`Ctrl+X Ctrl+E`), as bindings name them.
public struct KeyChord: Sendable, Hashable, CustomStringConvertible {
  public var keys: [KeyEvent]

  public init(_ keys: KeyEvent...) {
    self.keys = keys
  }

  public init(keys: [KeyEvent]) {
    self.keys = keys
  }

  public var description: String { keys.map(\.description).joined(separator: " ") }

  /// Parses `ctrl+s`, `alt+enter`, `f1`, `shift+tab`, `pgup`, `?`, `ctrl+x ctrl+e`.
  /// - Throws: `KeyChordError` naming the part it could not read.
  public init(parsing text: String) throws(KeyChordError) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard !parts.isEmpty, parts.count <= 2 else { throw .malformed(text) }
    var keys: [KeyEvent] = []
    for part in parts { keys.append(try Self.parseKey(String(part), whole: text)) }
    self.keys = keys
  }

  private static func parseKey(_ text: String, whole: String) throws(KeyChordError) -> KeyEvent {
    // "+" alone, or after a modifier ("ctrl++"), is the plus key; a trailing lone "+" is not.
    var pieces: [String]
    if text == "+" {
      pieces = ["+"]
    } else if text.hasSuffix("++") {
      pieces = text.dropLast(2).split(separator: "+", omittingEmptySubsequences: false).map(
        String.init)
      pieces.append("+")
    } else {
      pieces = text.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
    }
    guard let name = pieces.last, !name.isEmpty else { throw .malformed(whole) }
    var modifiers: KeyModifiers = []
    for modifier in pieces.dropLast() {
      switch modifier.lowercased() {
      case "ctrl", "control", "c": modifiers.insert(.control)
      case "alt", "meta", "option", "m": modifiers.insert(.alt)
      case "shift", "s": modifiers.insert(.shift)
      default: throw .unknownModifier(modifier, in: whole)
      }
    }
    let key: KeyEvent.Key
    switch name.lowercased() {
    case "enter", "return": key = .enter
    case "tab": key = .tab
    case "esc", "escape": key = .escape
    case "backspace": key = .backspace
    case "delete", "del": key = .delete
    case "insert", "ins": key = .insert
    case "up": key = .up
    case "down": key = .down
    case "left": key = .left
    case "right": key = .right
    case "home": key = .home
    case "end": key = .end
    case "pgup", "pageup": key = .pageUp
    case "pgdn", "pagedown": key = .pageDown
    case "space": key = .character(" ")
    default:
      if name.count > 1, name.lowercased().hasPrefix("f"), let number = Int(name.dropFirst()),
        (1...12).contains(number)
      {
        key = .function(number)
      } else if name.count == 1, let character = name.first {
        // Bindings name letters in lower case; Ctrl and Alt letters arrive lower-cased.
        key = .character(modifiers.isEmpty ? character : Character(character.lowercased()))
      } else {
        throw .unknownKey(name, in: whole)
      }
    }
    return KeyEvent(key, modifiers)
  }
}

/// Why a key binding could not be read.
public enum KeyChordError: Error, Sendable, Hashable, CustomStringConvertible {
  case malformed(String)
  case unknownModifier(String, in: String)
  case unknownKey(String, in: String)

  public var description: String {
    switch self {
    case .malformed(let text): "\"\(text)\" is not a key (try \"ctrl+s\" or \"alt+enter\")"
    case .unknownModifier(let modifier, let text):
      "\"\(text)\": unknown modifier \"\(modifier)\" (ctrl, alt, shift)"
    case .unknownKey(let name, let text): "\"\(text)\": unknown key \"\(name)\""
    }
  }
}
