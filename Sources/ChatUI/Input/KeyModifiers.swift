/// Modifier keys held with a key press or mouse event.
public struct KeyModifiers: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  public static let shift = KeyModifiers(rawValue: 1 << 0)
  public static let alt = KeyModifiers(rawValue: 1 << 1)
  public static let control = KeyModifiers(rawValue: 1 << 2)

  /// The modifiers of an xterm-style parameter (`CSI 1 ; p A`): p - 1 is a bit set of
  /// Shift (1), Alt (2) and Control (4). `nil` for values outside 2...8.
  public init?(xtermParameter parameter: Int) {
    guard (2...8).contains(parameter) else { return nil }
    let bits = parameter - 1
    var modifiers: KeyModifiers = []
    if bits & 1 != 0 { modifiers.insert(.shift) }
    if bits & 2 != 0 { modifiers.insert(.alt) }
    if bits & 4 != 0 { modifiers.insert(.control) }
    self = modifiers
  }
}
