import ChatDomain

extension Theme {
  /// Resolves a parsed theme file: fills the standard palette slots, lays the file's role
  /// entries over the built-in ones field by field, turns palette names into colours, and
  /// lets unset colours inherit from the parent role.
  ///
  /// Attributes are not inherited: a role is bold only if its own entry (built-in or from
  /// the file) says so.
  ///
  /// - Throws: `ThemeError.invalidValue` naming the role key when a colour is neither a
  ///   palette slot nor a literal colour.
  init(resolving document: ThemeDocument, fallbackName: String, lines: TOMLLineIndex?)
    throws(ThemeError)
  {
    var palette = document.palette
    for (slot, fallback) in ThemeDefaults.paletteSlots where palette[slot] == nil {
      palette[slot] = palette[fallback] ?? ThemeColor(literal: fallback) ?? .terminalDefault
    }
    var styles: [StyleRole: ThemeStyle] = [:]
    for role in StyleRole.allCases {
      try Self.resolve(role, document: document, palette: palette, lines: lines, into: &styles)
    }
    self.init(
      name: document.name ?? fallbackName, isDark: document.isDark ?? true, palette: palette,
      styles: styles)
  }

  private static func resolve(
    _ role: StyleRole, document: ThemeDocument, palette: [String: ThemeColor],
    lines: TOMLLineIndex?, into styles: inout [StyleRole: ThemeStyle]
  ) throws(ThemeError) {
    guard styles[role] == nil else { return }
    let parent = ThemeDefaults.parent(of: role)
    if let parent {
      try resolve(parent, document: document, palette: palette, lines: lines, into: &styles)
    }
    let builtIn = ThemeDefaults.roles[role.rawValue] ?? ThemeDocument.RoleEntry()
    let fromFile = document.roles[role.rawValue]
    let entry = fromFile?.merged(over: builtIn) ?? builtIn

    func color(_ name: String?, field: String, inherited: ThemeColor?) throws(ThemeError)
      -> ThemeColor
    {
      guard let name else { return inherited ?? .terminalDefault }
      if let slot = palette[name] { return slot }
      if let literal = ThemeColor(literal: name) { return literal }
      let path = ["roles", role.rawValue, field]
      throw ThemeError(
        .invalidValue, key: ThemeKeyPath.display(path), line: lines?.line(of: path),
        reason: "'\(name)' is neither a palette slot nor a colour")
    }

    let inherited = parent.flatMap { styles[$0] }
    styles[role] = ThemeStyle(
      foreground: try color(entry.foreground, field: "fg", inherited: inherited?.foreground),
      background: try color(entry.background, field: "bg", inherited: inherited?.background),
      attributes: entry.enabled)
  }
}
