import CWidth

/// The locale every width-measuring test runs under.
///
/// `wcwidth` depends on LC_CTYPE, which is process-wide. Swift Testing runs tests in
/// parallel, so instead of each suite calling `setlocale` (racing other threads that are
/// measuring), the locale is pinned exactly once, by a lazily initialised static that the
/// runtime initialises under a lock: every test calls `TestLocale.pinUTF8()` before its
/// first measurement, and no test measures before the pin.
public enum TestLocale {
  private static let isPinned: Bool = orchat_pin_c_utf8() == 0

  /// Pins LC_CTYPE to C.UTF-8 (once per process). Returns whether it succeeded; tests
  /// should `#require` it.
  @discardableResult
  public static func pinUTF8() -> Bool { isPinned }
}
