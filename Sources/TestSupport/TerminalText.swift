import ChatDomain
import ChatUI

/// Measuring captured terminal text the way the terminal lays it out.
///
/// - Important: Pin the locale first (`UTF8Locale.pin()`).
public enum TerminalText {
  /// The display columns `text` occupies.
  public static func columns(of text: some StringProtocol) -> Int {
    DisplayWidth.width(of: text)
  }
}
