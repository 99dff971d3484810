import Foundation

extension Format {
  /// A size in bytes the way people read it, in powers of 1000: `512 B`, `240 KB`, `2.4 MB`,
  /// `20 MB`.
  public static func byteSize(_ bytes: Int) -> String {
    let units = ["B", "KB", "MB", "GB"]
    var value = Double(max(0, bytes))
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    if unit == 0 { return "\(Int(value)) B" }
    let rounded = (value * 10).rounded() / 10
    if rounded < 10, rounded != rounded.rounded() {
      return String(format: "%.1f", rounded) + " " + units[unit]
    }
    return "\(Int(value.rounded())) \(units[unit])"
  }

  /// An untrusted file name or path for a terminal and a one-line message: escape sequences,
  /// controls, bidi and invisible characters removed, line breaks and tabs as spaces, and at
  /// most `limit` characters (the middle elided, so the extension stays).
  public static func fileName(_ name: String, limit: Int = 60) -> String {
    var text = TextSanitizer.removingControlCharacters(
      TextSanitizer.sanitize(name).replacingOccurrences(of: "\n", with: " ")
        .replacingOccurrences(of: "\t", with: " "))
    if text.isEmpty { text = "?" }
    guard text.count > limit, limit > 3 else { return text }
    let head = (limit - 1) / 2
    let tail = limit - 1 - head
    return String(text.prefix(head)) + "…" + String(text.suffix(tail))
  }
}
