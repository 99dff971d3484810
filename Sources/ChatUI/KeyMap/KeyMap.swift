/// The key bindings: which chords run which commands, in which context. The help overlay and
/// the status line's hints are generated from the same table.
public struct KeyMap: Sendable, Hashable {
  public struct Binding: Sendable, Hashable {
    public var chord: KeyChord
    public var command: Command
    public var context: KeyContext

    public init(_ chord: KeyChord, _ command: Command, _ context: KeyContext) {
      self.chord = chord
      self.command = command
      self.context = context
    }
  }

  public private(set) var bindings: [Binding]

  public init(bindings: [Binding]) {
    self.bindings = bindings
  }

  /// What a key sequence means in `context`.
  public enum Match: Sendable, Hashable {
    case command(Command)
    /// The keys start a longer chord: wait for the next key.
    case prefix
    case none
  }

  /// Looks `keys` up, the context's own bindings first, then the global ones.
  public func match(_ keys: [KeyEvent], in context: KeyContext) -> Match {
    let contexts: [KeyContext] = context == .global ? [.global] : [context, .global]
    for candidate in contexts {
      let relevant = bindings.filter { $0.context == candidate }
      if let exact = relevant.first(where: { $0.chord.keys == keys }) {
        return .command(exact.command)
      }
      if relevant.contains(where: {
        $0.chord.keys.count > keys.count && Array($0.chord.keys.prefix(keys.count)) == keys
      }) {
        return .prefix
      }
    }
    return .none
  }

  /// The chords bound to `command`, for hints ("Ctrl+O models").
  public func chords(for command: Command) -> [KeyChord] {
    bindings.filter { $0.command == command }.map(\.chord)
  }

  /// Replaces the bindings of each named command with the user's chords.
  ///
  /// - Parameter overrides: command name → chords, from `config.toml`'s `[keys]`.
  /// - Returns: the map, and one line per name or chord that could not be used (the rest
  ///   still apply).
  public func applying(_ overrides: [String: [String]]) -> (KeyMap, problems: [String]) {
    var map = self
    var problems: [String] = []
    for name in overrides.keys.sorted() {
      guard let command = Command(rawValue: name) else {
        problems.append("keys.\(name): unknown action (see the help overlay for the names)")
        continue
      }
      var chords: [KeyChord] = []
      for text in overrides[name] ?? [] {
        do {
          chords.append(try KeyChord(parsing: text))
        } catch {
          problems.append("keys.\(name): \(error)")
        }
      }
      guard !chords.isEmpty else { continue }
      let context = map.bindings.first { $0.command == command }?.context ?? .global
      map.bindings.removeAll { $0.command == command }
      map.bindings += chords.map { Binding($0, command, context) }
    }
    return (map, problems)
  }
}
