import Formatting

/// Session titles: made from the first user message, typed by the user, or imported.
///
/// A title is stored clean: without escape sequences, control characters, bidi controls or
/// invisible characters (`TextSanitizer`), on one line, so wherever it is shown it is inert.
public enum SessionTitle {
  public static let maximumLength = 80
  public static let untitled = "Untitled"

  /// The first non-blank line of `message`, whitespace collapsed, cut to `maximumLength`
  /// characters (with an ellipsis); `untitled` when there is no text.
  public static func from(message: String) -> String {
    let line =
      TextSanitizer.sanitize(message).split(whereSeparator: \.isNewline)
      .first { !$0.allSatisfy(\.isWhitespace) } ?? ""
    return normalized(String(line)) ?? untitled
  }

  /// A title as given by the user, sanitised, whitespace collapsed onto one line and cut to
  /// `maximumLength`, or `nil` when nothing is left. Applying it twice changes nothing.
  public static func normalized(_ text: String) -> String? {
    let words = TextSanitizer.sanitize(text).split { $0.isWhitespace || $0.isNewline }
    guard !words.isEmpty else { return nil }
    let joined = words.joined(separator: " ")
    guard joined.count > maximumLength else { return joined }
    return String(joined.prefix(maximumLength - 1)) + "…"
  }
}
