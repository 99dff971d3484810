/// Rules about model ids that matter to requests and display.
public enum ModelID {
  /// Whether `id` names a preset of the user's OpenRouter account (`@preset/NAME`), which
  /// OpenRouter resolves to its model and settings (OpenRouter.docc/Requests.md, Model and
  /// fallbacks).
  public static func isPreset(_ id: String) -> Bool {
    id.hasPrefix("@preset/") && id.count > "@preset/".count
  }
}
