import ChatDomain

/// What a theme file may leave out: the standard palette slots with their fallbacks, and
/// a style for every role written in palette terms, so a file with only a `[palette]` is
/// already a complete theme.
enum ThemeDefaults {
  /// The standard slots in resolution order; each falls back to the colour of the slot
  /// (or literal) named with it when a file does not set it.
  static let paletteSlots: [(slot: String, fallback: String)] = [
    ("background", "default"),
    ("foreground", "default"),
    ("surface", "background"),
    ("panel", "surface"),
    ("muted", "foreground"),
    ("primary", "foreground"),
    ("secondary", "primary"),
    ("accent", "primary"),
    ("success", "green"),
    ("warning", "yellow"),
    ("error", "red"),
  ]

  typealias Entry = ThemeDocument.RoleEntry

  /// Built-in role styles, keyed by `StyleRole` raw value. A role missing here (a role
  /// added later) takes its parent's colours; see `parent(of:)`.
  static let roles: [String: Entry] = [
    "base": Entry(foreground: "foreground", background: "background"),
    "border": Entry(foreground: "muted"),
    "border.focused": Entry(foreground: "primary", enabled: .bold),
    "title": Entry(foreground: "foreground", enabled: .bold),
    "muted": Entry(foreground: "muted"),
    "selection": Entry(enabled: .reverse),
    "cursor": Entry(enabled: .reverse),
    "match": Entry(foreground: "accent", enabled: .bold),

    "transcript.user": Entry(foreground: "secondary", enabled: .bold),
    "transcript.assistant": Entry(foreground: "primary", enabled: .bold),
    "transcript.header": Entry(foreground: "muted"),
    "transcript.body": Entry(foreground: "foreground"),
    "transcript.reasoning": Entry(foreground: "muted", enabled: .italic),
    "transcript.error": Entry(foreground: "error"),
    "transcript.divider": Entry(foreground: "muted"),

    "markdown.heading": Entry(foreground: "primary", enabled: .bold),
    "markdown.bold": Entry(enabled: .bold),
    "markdown.italic": Entry(enabled: .italic),
    "markdown.bold_italic": Entry(enabled: [.bold, .italic]),
    "markdown.inline_code": Entry(foreground: "accent", background: "surface"),
    "markdown.link": Entry(foreground: "secondary", enabled: .underline),
    "markdown.link_url": Entry(foreground: "muted"),
    "markdown.quote": Entry(foreground: "muted", enabled: .italic),
    "markdown.list_marker": Entry(foreground: "accent"),
    "markdown.rule": Entry(foreground: "muted"),
    "markdown.table_border": Entry(foreground: "muted"),
    "markdown.table_header": Entry(enabled: .bold),

    // No background by default: code blocks are boxed, and a tinted background would cost
    // a colour change on every streamed token (issue 4's byte budget).
    "code": Entry(foreground: "foreground"),
    "code.border": Entry(foreground: "muted"),
    "code.label": Entry(foreground: "accent", enabled: .bold),
    "code.keyword": Entry(foreground: "primary", enabled: .bold),
    "code.string": Entry(foreground: "success"),
    "code.comment": Entry(foreground: "muted", enabled: .italic),
    "code.number": Entry(foreground: "warning"),

    "status": Entry(foreground: "foreground", background: "panel"),
    "status.warning": Entry(foreground: "warning"),
    "status.error": Entry(foreground: "error", enabled: .bold),
    "banner": Entry(foreground: "foreground", background: "panel"),
    "banner.error": Entry(foreground: "error", enabled: .bold),
  ]

  /// The role whose colours `role` inherits for the fields it leaves unset: the longest
  /// dotted prefix that is itself a role ("code.keyword" → "code"), else `base`. `nil`
  /// for `base` itself.
  static func parent(of role: StyleRole) -> StyleRole? {
    guard role != .base else { return nil }
    var components = role.rawValue.split(separator: ".").map(String.init)
    while components.count > 1 {
      components.removeLast()
      if let parent = StyleRole(rawValue: components.joined(separator: ".")) { return parent }
    }
    return .base
  }
}
