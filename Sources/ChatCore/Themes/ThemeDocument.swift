import ChatDomain

/// A theme file as written, before resolution: palette colours parsed, role colours still
/// possibly palette names, roles possibly partial.
struct ThemeDocument: Sendable, Hashable {
  /// One `[roles]` entry. Fields left out are `nil`, so entries merge field by field.
  struct RoleEntry: Sendable, Hashable {
    var foreground: String?
    var background: String?
    /// Attributes the entry switches on.
    var enabled: TextAttributes = []
    /// Attributes the entry explicitly switches off (`bold = false`).
    var disabled: TextAttributes = []

    init(
      foreground: String? = nil, background: String? = nil, enabled: TextAttributes = [],
      disabled: TextAttributes = []
    ) {
      self.foreground = foreground
      self.background = background
      self.enabled = enabled
      self.disabled = disabled
    }

    /// This entry laid over `base`: every field this entry sets wins.
    func merged(over base: RoleEntry) -> RoleEntry {
      RoleEntry(
        foreground: foreground ?? base.foreground,
        background: background ?? base.background,
        enabled: base.enabled.subtracting(disabled).union(enabled),
        disabled: base.disabled.subtracting(enabled).union(disabled))
    }
  }

  var name: String?
  var isDark: Bool?
  var palette: [String: ThemeColor] = [:]
  /// Keyed by `StyleRole` raw value; every key is a known role.
  var roles: [String: RoleEntry] = [:]
}
